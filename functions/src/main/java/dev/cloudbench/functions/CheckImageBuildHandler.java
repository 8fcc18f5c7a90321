package dev.cloudbench.functions;

import dev.cloudbench.core.run.ImageBuild;
import dev.cloudbench.core.service.ImageService;
import dev.cloudbench.functions.aws.AwsPorts;

/** "Check Image Build": one status check of the bounded build loop. */
public final class CheckImageBuildHandler extends TaskHandler<ImageBuild, ImageBuild> {
    private final ImageService service;

    /** The constructor Lambda calls: this task's AWS adapters, built once per container. */
    public CheckImageBuildHandler() {
        this(Tasks.images(AwsPorts.forTask("CheckImageBuild")));
        primeForSnapStart("CheckImageBuild");
    }

    public CheckImageBuildHandler(ImageService service) {
        super(ImageBuild.class);
        this.service = service;
    }

    @Override
    protected ImageBuild handle(ImageBuild input) {
        return service.check(input);
    }
}
