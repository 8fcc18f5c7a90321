package dev.cloudbench.functions.handler;

import dev.cloudbench.core.run.ImagePlan;
import dev.cloudbench.core.service.ImageService;

/** "Resolve Images": which architectures have an image and which must be built. */
public final class ResolveImagesHandler extends TaskHandler<RunRef, ImagePlan> {
    private final ImageService service;

    public ResolveImagesHandler(ImageService service) {
        super(RunRef.class);
        this.service = service;
    }

    @Override
    protected ImagePlan handle(RunRef input) {
        return service.resolve(input.runId(), input.deadline());
    }
}
