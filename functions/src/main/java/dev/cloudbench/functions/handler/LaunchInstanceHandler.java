package dev.cloudbench.functions.handler;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cloudbench.core.json.Json;
import dev.cloudbench.core.run.TargetState;
import dev.cloudbench.core.service.InstanceService;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * "Launch Instance": one instance for the target, or the one already launched for it. Its input is
 * {@code {"state": <the target's state>, "executionArn": <$$.Execution.Id>}}, so that the instance
 * is tagged with the execution that launched it; a bare target state (a definition from before the
 * execution was passed) launches without that tag.
 */
public final class LaunchInstanceHandler extends TaskHandler<LaunchInstanceHandler.Input, TargetState> {
    private final InstanceService service;

    /**
     * @param state        the target's state
     * @param executionArn the execution's ARN, or null
     */
    public record Input(TargetState state, String executionArn) {
    }

    public LaunchInstanceHandler(InstanceService service) {
        super(Input.class);
        this.service = service;
    }

    @Override
    protected Input read(byte[] payload) {
        JsonNode node;
        try {
            node = Json.payload().readTree(payload);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (node != null && node.path("state").isObject()) {
            return Json.read(payload, Input.class);
        }
        return new Input(Json.read(payload, TargetState.class), null);
    }

    @Override
    protected TargetState handle(Input input) {
        return service.launch(input.state(), input.executionArn());
    }
}
