package dev.cloudbench.functions;

import dev.cloudbench.core.json.InputReader;
import dev.cloudbench.core.model.RunRequest;
import dev.cloudbench.core.run.RunPlan;
import dev.cloudbench.core.service.PlanService;
import dev.cloudbench.functions.aws.AwsPorts;
import java.nio.charset.StandardCharsets;

/** "Plan Run": validates the request — strictly, since people wrote it — and plans the run. */
public final class PlanRunHandler extends TaskHandler<RunRequest, RunPlan> {
    private final PlanService service;

    /** The constructor Lambda calls: this task's AWS adapters, built once per container. */
    public PlanRunHandler() {
        this(Tasks.plan(AwsPorts.forTask("PlanRun")));
    }

    public PlanRunHandler(PlanService service) {
        super(RunRequest.class);
        this.service = service;
    }

    @Override
    protected RunRequest read(byte[] payload) {
        return InputReader.request(new String(payload, StandardCharsets.UTF_8));
    }

    @Override
    protected RunPlan handle(RunRequest input) {
        return service.plan(input);
    }
}
