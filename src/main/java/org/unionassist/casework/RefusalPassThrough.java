package org.unionassist.casework;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/**
 * The engine wraps exceptions from listeners ("ENGINE-03051 There was an exception while invoking the
 * TaskListener…"), which would bury our Chinese message and drop its error code. This outermost command interceptor
 * (it runs after the transaction has rolled back) rethrows our refusal as it was thrown, so Tasklist shows the Chinese
 * message and REST clients get the stable code.
 */
@Component
public class RefusalPassThrough implements ProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setCustomPreCommandInterceptorsTxRequired(withUnwrapping(
                configuration.getCustomPreCommandInterceptorsTxRequired()));
        configuration.setCustomPreCommandInterceptorsTxRequiresNew(withUnwrapping(
                configuration.getCustomPreCommandInterceptorsTxRequiresNew()));
    }

    private static List<CommandInterceptor> withUnwrapping(List<CommandInterceptor> existing) {
        List<CommandInterceptor> interceptors = new ArrayList<>();
        interceptors.add(new Unwrapping());
        if (existing != null) {
            interceptors.addAll(existing);
        }
        return interceptors;
    }

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
    }

    @Override
    public void postProcessEngineBuild(org.camunda.bpm.engine.ProcessEngine processEngine) {
    }

    static final class Unwrapping extends CommandInterceptor {
        @Override
        public <T> T execute(Command<T> command) {
            try {
                return next.execute(command);
            } catch (ProcessEngineException e) {
                for (Throwable t = e; t != null; t = t.getCause()) {
                    if (t instanceof UnionAssistException refusal) {
                        throw refusal;
                    }
                }
                throw e;
            }
        }
    }
}
