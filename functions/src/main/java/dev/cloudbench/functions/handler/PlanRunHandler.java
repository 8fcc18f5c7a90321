package dev.cloudbench.functions.handler;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cloudbench.core.error.BadInputException;
import dev.cloudbench.core.json.InputReader;
import dev.cloudbench.core.json.Json;
import dev.cloudbench.core.model.RunRequest;
import dev.cloudbench.core.run.RunPlan;
import dev.cloudbench.core.service.PlanService;
import java.io.IOException;

/**
 * "Plan Run": validates the request — strictly, since people wrote it — and plans the run. Its
 * input is {@code {"request": <execution input>, "executionName": <$$.Execution.Name>}}.
 */
public final class PlanRunHandler extends TaskHandler<PlanRunHandler.Input, RunPlan> {
    private final PlanService service;

    /**
     * @param request       the execution's input
     * @param executionName the execution's name, which becomes the run id when the request has none
     */
    public record Input(RunRequest request, String executionName) {
    }

    public PlanRunHandler(PlanService service) {
        super(Input.class);
        this.service = service;
    }

    @Override
    protected Input read(byte[] payload) {
        JsonNode node;
        try {
            node = Json.payload().readTree(payload);
        } catch (IOException e) {
            throw new BadInputException("request: not valid JSON");
        }
        if (node == null || !node.path("request").isObject()) {
            throw new BadInputException("request: the execution input must be a JSON object");
        }
        String executionName = node.path("executionName").isTextual() ? node.path("executionName").asText() : null;
        return new Input(InputReader.request(node.path("request").toString()), executionName);
    }

    @Override
    protected RunPlan handle(Input input) {
        return service.plan(input.request(), input.executionName());
    }
}
