package dev.guardian.logs.eval;

import dev.guardian.logs.template.LogTemplateMiner;
import dev.guardian.logs.template.TemplateMinerConfig;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the template miner the way the logs job does, one fresh miner per system (a system is one
 * service), over its messages in file order, and scores the grouping.
 *
 * <p>A line's group is the template that holds it at the end of the pass: the id the miner returned
 * for the line, {@linkplain LogTemplateMiner#resolve(String) resolved} through the aliases left
 * when templates merged. This is what a consumer keyed by template id sees once it follows aliases,
 * and it matches how offline evaluations of Drain assign lines to final clusters.
 */
public final class LoghubEvaluation {

    private LoghubEvaluation() {}

    /** The template id of every line, resolved after the whole pass. */
    public static List<String> templateIds(TemplateMinerConfig config, List<String> contents) {
        LogTemplateMiner miner = new LogTemplateMiner(config);
        List<String> ids = new ArrayList<>(contents.size());
        long time = 0;
        for (String content : contents) {
            ids.add(miner.mine(content, time++).templateId());
        }
        List<String> resolved = new ArrayList<>(ids.size());
        for (String id : ids) {
            resolved.add(miner.resolve(id));
        }
        return resolved;
    }

    public static double groupingAccuracy(TemplateMinerConfig config, LoghubSystem system) {
        return GroupingAccuracy.of(system.eventIds(), templateIds(config, system.contents()));
    }
}
