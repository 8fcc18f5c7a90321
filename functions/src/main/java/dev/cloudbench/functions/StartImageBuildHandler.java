package dev.cloudbench.functions;

import dev.cloudbench.core.run.ImageBuild;
import dev.cloudbench.core.service.ImageService;
import dev.cloudbench.functions.aws.AwsPorts;

/** "Start Image Build". */
public final class StartImageBuildHandler extends TaskHandler<ImageBuild, ImageBuild> {
    private final ImageService service;

    /** The constructor Lambda calls: this task's AWS adapters, built once per container. */
    public StartImageBuildHandler() {
        this(Tasks.images(AwsPorts.forTask("StartImageBuild")));
        primeForSnapStart("StartImageBuild");
    }

    public StartImageBuildHandler(ImageService service) {
        super(ImageBuild.class);
        this.service = service;
    }

    @Override
    protected ImageBuild handle(ImageBuild input) {
        return service.start(input);
    }
}
