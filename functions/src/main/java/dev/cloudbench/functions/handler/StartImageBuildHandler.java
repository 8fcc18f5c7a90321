package dev.cloudbench.functions.handler;

import dev.cloudbench.core.run.ImageBuild;
import dev.cloudbench.core.service.ImageService;

/** "Start Image Build". */
public final class StartImageBuildHandler extends TaskHandler<ImageBuild, ImageBuild> {
    private final ImageService service;

    public StartImageBuildHandler(ImageService service) {
        super(ImageBuild.class);
        this.service = service;
    }

    @Override
    protected ImageBuild handle(ImageBuild input) {
        return service.start(input);
    }
}
