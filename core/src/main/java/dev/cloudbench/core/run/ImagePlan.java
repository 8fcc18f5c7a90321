package dev.cloudbench.core.run;

import java.util.List;
import java.util.Map;

/**
 * Output of "Resolve Images".
 *
 * @param available image id per architecture already built from the current sources
 * @param builds    images to build first
 */
public record ImagePlan(Map<String, String> available, List<ImageBuild> builds) {
}
