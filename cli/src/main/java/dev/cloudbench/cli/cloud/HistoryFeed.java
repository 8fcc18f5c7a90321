package dev.cloudbench.cli.cloud;

import dev.cloudbench.cli.engine.EngineEvent;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.GetExecutionHistoryResponse;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;

/**
 * An execution's history as it grows: each {@link #poll} returns the events added since the last,
 * translated. It reads newest first and stops at the first event it has seen, so a long run's
 * history is not read again on every poll.
 */
public final class HistoryFeed {
    private static final int PAGE = 200;

    private final SfnClient sfn;
    private final String executionArn;
    private final HistoryTranslator translator = new HistoryTranslator();
    private long lastId;

    public HistoryFeed(SfnClient sfn, String executionArn) {
        this.sfn = sfn;
        this.executionArn = executionArn;
    }

    public List<EngineEvent> poll() {
        List<HistoryEvent> fresh = new ArrayList<>();
        String token = null;
        pages:
        do {
            String next = token;
            GetExecutionHistoryResponse page = sfn.getExecutionHistory(r -> r.executionArn(executionArn)
                    .reverseOrder(true).includeExecutionData(true).maxResults(PAGE).nextToken(next));
            for (HistoryEvent e : page.events()) {
                if (e.id() <= lastId) {
                    break pages;
                }
                fresh.add(e);
            }
            token = page.nextToken();
        } while (token != null);
        Collections.reverse(fresh);
        List<EngineEvent> events = new ArrayList<>();
        for (HistoryEvent e : fresh) {
            lastId = Math.max(lastId, e.id());
            translator.translate(e).ifPresent(events::add);
        }
        return events;
    }
}
