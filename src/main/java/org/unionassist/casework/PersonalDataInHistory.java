package org.unionassist.casework;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Keeps raw personal data out of the engine's history. The engine writes a variable's history row and, at history
 * level full, a detail row for every update and every submitted form field at the moment the value is set, so
 * removing the variable later in the same transaction still leaves the raw value in ACT_HI_DETAIL. This plugin
 * wraps the engine's history event handler and masks each event of a declared variable before it is written.
 */
@Component
public class PersonalDataInHistory extends AbstractProcessEnginePlugin {

    private final PersonalDataInEngine personalData;

    public PersonalDataInHistory(PersonalDataInEngine personalData) {
        this.personalData = personalData;
    }

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setHistoryEventHandler(new Masking(configuration.getHistoryEventHandler(), personalData));
    }

    private record Masking(HistoryEventHandler next, PersonalDataInEngine personalData) implements HistoryEventHandler {

        @Override
        public void handleEvent(HistoryEvent event) {
            personalData.mask(event);
            next.handleEvent(event);
        }

        @Override
        public void handleEvents(List<HistoryEvent> events) {
            events.forEach(personalData::mask);
            next.handleEvents(events);
        }
    }
}
