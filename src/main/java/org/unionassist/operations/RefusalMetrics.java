package org.unionassist.operations;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.unionassist.engine.EngineCommands;
import org.unionassist.web.ErrorReplies;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Counts every refusal an API answers (a 4xx from {@link ErrorReplies}) by its stable code and by programme: the
 * process definition key, when the path names a definition, a task or a case that the engine knows; otherwise
 * {@code unknown}. A key is a tag only once the engine has a definition of it, so a caller cannot invent tag values.
 */
@Component
public class RefusalMetrics {

    static final String REFUSALS = "unionassist.refusals";
    static final String UNKNOWN = "unknown";

    private static final Logger log = LoggerFactory.getLogger(RefusalMetrics.class);
    private static final Pattern DEFINITION_KEY = Pattern.compile("/process-definition/key/([^/?;]+)");
    private static final Pattern DEFINITION_ID = Pattern.compile("/process-definition/([^/?;]+)");
    private static final Pattern TASK = Pattern.compile("/task/([^/?;]+)");
    private static final Pattern CASE = Pattern.compile("/(?:process-instance|cases|hardship-cases)/([^/?;]+)");

    private final MeterRegistry meters;
    private final EngineCommands asEngine;
    private final RepositoryService repository;
    private final HistoryService history;
    private final Set<String> knownKeys = ConcurrentHashMap.newKeySet();
    // the first that matches the path decides (a definition's key before its id)
    private final List<Lookup> lookups = List.of(new Lookup(DEFINITION_KEY, this::knownKey),
            new Lookup(DEFINITION_ID, this::definitionKey), new Lookup(TASK, this::taskProgramme),
            new Lookup(CASE, this::caseProgramme));

    public RefusalMetrics(MeterRegistry meters, ProcessEngine engine, EngineCommands asEngine) {
        this.asEngine = asEngine;
        this.meters = meters;
        this.repository = engine.getRepositoryService();
        this.history = engine.getHistoryService();
    }

    @EventListener
    public void refused(ErrorReplies.Refused refused) {
        Counter.builder(REFUSALS).description("requests the APIs refused (4xx), by stable error code")
                .tag("programme", programme(refused.path()))
                .tag("code", String.valueOf(refused.reply().code()))
                .tag("type", refused.reply().type())
                .register(meters)
                .increment();
    }

    String programme(String path) {
        if (path == null) {
            return UNKNOWN;
        }
        try {
            for (Lookup lookup : lookups) {
                Matcher id = lookup.inPath().matcher(path);
                if (id.find()) {
                    String key = lookup.programmeOf().apply(id.group(1));
                    return key == null ? UNKNOWN : key;
                }
            }
        } catch (RuntimeException e) {
            log.debug("No programme for the refused request {}", path, e);
        }
        return UNKNOWN;
    }

    private String definitionKey(String definitionId) {
        ProcessDefinition found = asEngine.call(() -> repository.createProcessDefinitionQuery()
                .processDefinitionId(definitionId).singleResult());
        return found == null ? null : found.getKey();
    }

    private String taskProgramme(String taskId) {
        HistoricTaskInstance found = asEngine.call(() -> history.createHistoricTaskInstanceQuery().taskId(taskId).singleResult());
        return found == null ? null : found.getProcessDefinitionKey();
    }

    private String caseProgramme(String processInstanceId) {
        HistoricProcessInstance found = asEngine.call(() -> history.createHistoricProcessInstanceQuery()
                .processInstanceId(processInstanceId).singleResult());
        return found == null ? null : found.getProcessDefinitionKey();
    }

    private String knownKey(String key) {
        if (knownKeys.contains(key)) {
            return key;
        }
        boolean deployed = asEngine.call(() ->
                repository.createProcessDefinitionQuery().processDefinitionKey(key).count() > 0);
        if (deployed) {
            knownKeys.add(key);
            return key;
        }
        return null;
    }

    /** An id in the path of a request, and the programme it belongs to (null if the engine does not know it). */
    private record Lookup(Pattern inPath, Function<String, String> programmeOf) {
    }
}
