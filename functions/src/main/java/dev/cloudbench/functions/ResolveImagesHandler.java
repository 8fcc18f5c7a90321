package dev.cloudbench.functions;

import dev.cloudbench.core.run.ImagePlan;
import dev.cloudbench.core.service.ImageService;
import dev.cloudbench.functions.aws.AwsPorts;

/** "Resolve Images": which architectures have an image and which must be built. */
public final class ResolveImagesHandler extends TaskHandler<RunRef, ImagePlan> {
    private final ImageService service;

    /** The constructor Lambda calls: this task's AWS adapters, built once per container. */
    public ResolveImagesHandler() {
        this(Tasks.images(AwsPorts.forTask("ResolveImages")));
        primeForSnapStart("ResolveImages");
    }

    public ResolveImagesHandler(ImageService service) {
        super(RunRef.class);
        this.service = service;
    }

    @Override
    protected ImagePlan handle(RunRef input) {
        return service.resolve(input.runId(), input.deadline());
    }
}
