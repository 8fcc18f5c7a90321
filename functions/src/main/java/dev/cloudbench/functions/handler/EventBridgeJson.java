package dev.cloudbench.functions.handler;

import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.joda.JodaModule;
import dev.cloudbench.core.json.Json;

/**
 * The mapper of the events EventBridge delivers (a schedule firing, an execution's status change),
 * read as aws-lambda-java-events' {@link ScheduledEvent}: the project's payload mapper, plus what
 * that type needs — its {@code time} is a Joda {@code DateTime}, and the envelope's
 * {@code detail-type} is its property {@code detailType}. The envelope's fields:
 * https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-events-structure.html
 */
final class EventBridgeJson {
    static final ObjectMapper MAPPER = Json.payload().copy().registerModule(new JodaModule())
            .addMixIn(ScheduledEvent.class, EnvelopeNames.class);

    private EventBridgeJson() {
    }

    /** The envelope's name of the one property whose JSON name is not its Java name. */
    abstract static class EnvelopeNames {
        @JsonProperty("detail-type")
        abstract String getDetailType();

        @JsonProperty("detail-type")
        abstract void setDetailType(String detailType);
    }
}
