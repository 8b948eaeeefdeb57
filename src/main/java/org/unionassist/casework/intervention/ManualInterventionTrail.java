package org.unionassist.casework.intervention;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.unionassist.organisation.Members;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The intervention trail of every case: registers {@link InterventionRecorder} beside the engine's own history
 * handler (which keeps writing ACT_HI_*), and answers what was done to a case by hand. The repository and the member
 * directory are looked up lazily because both are built after the engine's configuration.
 */
@Component
public class ManualInterventionTrail extends AbstractProcessEnginePlugin {

    private final ObjectProvider<ManualInterventionRepository> interventions;
    private final ObjectProvider<Members> members;
    /** The reason given for the intervention under way in this thread ({@link #because}). */
    private final ThreadLocal<String> reasons = new ThreadLocal<>();

    public ManualInterventionTrail(ObjectProvider<ManualInterventionRepository> interventions,
                                   ObjectProvider<Members> members) {
        this.interventions = interventions;
        this.members = members;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<SessionFactory> sessionFactories = configuration.getCustomSessionFactories() == null
                ? new ArrayList<>() : new ArrayList<>(configuration.getCustomSessionFactories());
        sessionFactories.add(new CommandTrace.Factory());
        configuration.setCustomSessionFactories(sessionFactories);
        configuration.getCustomHistoryEventHandlers().add(new InterventionRecorder(
                row -> interventions.getObject().save(row), this::displayName, reasons::get));
    }

    /**
     * Runs an intervention whose engine calls take no reason (a variable set, a job executed): its rows here and its
     * entries in the engine's operation log carry the reason the operator gave.
     */
    public <T> T because(String reason, Supplier<T> intervention) {
        String outer = reasons.get();
        reasons.set(reason);
        try {
            return intervention.get();
        } finally {
            if (outer == null) {
                reasons.remove();
            } else {
                reasons.set(outer);
            }
        }
    }

    private String displayName(String userId) {
        return InterventionRecorder.UNKNOWN_ACTOR.equals(userId) ? "未知用户" : members.getObject().displayName(userId);
    }

    /** The interventions in a case, oldest first; also those of an instance that no longer exists. */
    public List<ManualIntervention> ofCase(String processInstanceId) {
        return interventions.getObject().findByProcessInstanceIdOrderByOccurredAtAscIdAsc(processInstanceId);
    }
}
