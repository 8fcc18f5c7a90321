package dev.cloudbench.functions.handler;

import dev.cloudbench.core.run.ImageBuild;
import dev.cloudbench.core.service.ImageService;

/** "Check Image Build": one status check of the bounded build loop. */
public final class CheckImageBuildHandler extends TaskHandler<ImageBuild, ImageBuild> {
    private final ImageService service;

    public CheckImageBuildHandler(ImageService service) {
        super(ImageBuild.class);
        this.service = service;
    }

    @Override
    protected ImageBuild handle(ImageBuild input) {
        return service.check(input);
    }
}
