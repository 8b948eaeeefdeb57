package org.unionassist.web;

import jakarta.annotation.Priority;
import jakarta.servlet.ServletRegistration;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.camunda.bpm.engine.rest.dto.ExceptionDto;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.rest.exception.RestExceptionHandler;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;
import org.unionassist.casework.UnionAssistException;

/**
 * Some engine REST endpoints put English words in front of a refusal: starting a process through its form (what
 * Tasklist's start dialog does) answers "Cannot instantiate process definition hardshipVerification:1:…: 申请人身份证号
 * …无效…", submitting a task form "Cannot submit task form …: …", and Tasklist shows that line to the caseworker.
 * For a refusal of ours, {@link RefusalMapper} answers with the refusal's own Chinese message, type and code, and
 * the status the endpoint chose; every other error goes to Camunda's handler unchanged.
 * <p>
 * It is registered with both engine REST APIs: {@code /engine-rest} (the REST starter's Jersey application) and
 * the webapps' own {@code /camunda/api/engine} (the servlet "Engine Api" of the webapp starter, which Tasklist calls).
 */
@Component
public class EngineRestRefusals implements ResourceConfigCustomizer,
        WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    private static final Logger log = LoggerFactory.getLogger(EngineRestRefusals.class);
    /** The webapp starter's servlet for the webapps' engine API (CamundaBpmWebappInitializer). */
    static final String WEBAPP_ENGINE_API = "Engine Api";

    @Override
    public void customize(ResourceConfig config) {
        config.register(RefusalMapper.class);
    }

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        // The webapp starter registers "Engine Api" in its ServletContextInitializer, which Spring Boot runs inside one
        // ServletContainerInitializer; one added by a context customizer runs after it, still allowed to configure
        // servlets, and before the servlet's Jersey application starts.
        factory.addContextCustomizers(context -> context.addServletContainerInitializer((classes, servletContext) -> {
            ServletRegistration engineApi = servletContext.getServletRegistration(WEBAPP_ENGINE_API);
            if (engineApi == null) {
                log.warn("No servlet '{}': refusals in the webapps keep the engine REST API's English prefix",
                        WEBAPP_ENGINE_API);
                return;
            }
            engineApi.setInitParameter(ServerProperties.PROVIDER_CLASSNAMES, RefusalMapper.class.getName());
        }, null));
    }

    /** Chosen before Camunda's RestExceptionHandler (same exception type, higher priority). */
    @Priority(Priorities.USER - 100)
    public static class RefusalMapper implements ExceptionMapper<RestException> {

        private final RestExceptionHandler camunda = new RestExceptionHandler();

        @Override
        public Response toResponse(RestException exception) {
            for (Throwable t = exception.getCause(); t != null; t = t.getCause()) {
                if (t instanceof UnionAssistException refusal) {
                    ExceptionDto dto = ExceptionHandlerHelper.getInstance().fromException(refusal);
                    return Response.status(exception.getStatus()).entity(dto).type(MediaType.APPLICATION_JSON_TYPE)
                            .build();
                }
            }
            return camunda.toResponse(exception);
        }
    }
}
