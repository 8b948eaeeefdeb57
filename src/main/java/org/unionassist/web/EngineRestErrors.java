package org.unionassist.web;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonMappingException;
import jakarta.annotation.Priority;
import jakarta.servlet.ServletRegistration;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import org.apache.tomcat.util.buf.EncodedSolidusHandling;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.rest.util.EngineUtil;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.context.support.WebApplicationContextUtils;
import org.unionassist.casework.CaseworkError;
import org.unionassist.casework.UnionAssistException;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Every error of the two engine REST APIs answered as {@link ErrorReplies} decides: our refusals with their own
 * status, code and Chinese message (Camunda's resources would wrap them as 500 and put "Cannot complete task …" in
 * front), lost races as 409, malformed requests as 400/404 in Chinese, bugs as 500 with an error id.
 * <p>
 * Jersey picks the exception mapper whose type is nearest to the exception's and, among equals, the one of higher
 * priority: so there is one mapper here for each type Camunda maps (Throwable, ProcessEngineException, RestException,
 * Jackson's parse and mapping errors), each before Camunda's. They are registered with both engine REST APIs:
 * {@code /engine-rest} (the REST starter's Jersey application) and the webapps' own {@code /camunda/api/engine}
 * (the servlet "Engine Api" of the webapp starter, which Tasklist calls).
 * <p>
 * Tomcat refuses an encoded slash ({@code %2F}) in a path with its own HTML page before any servlet sees it; passed
 * through undecoded, it reaches the application as part of one path segment and gets a JSON answer here.
 */
@Component
public class EngineRestErrors implements ResourceConfigCustomizer,
        WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    private static final Logger log = LoggerFactory.getLogger(EngineRestErrors.class);
    /** The webapp starter's servlet for the webapps' engine API (CamundaBpmWebappInitializer). */
    static final String WEBAPP_ENGINE_API = "Engine Api";
    /** The request attribute holding the JSON body as sent, to name the field a conversion failed on. */
    static final String BODY = EngineRestErrors.class.getName() + ".body";
    private static final int MAX_KEPT_BODY = 64 * 1024;
    private static final Pattern ENGINE_IN_PATH = Pattern.compile("/engine/([^/]+)/");

    static final List<Class<?>> PROVIDERS = List.of(ForThrowable.class, ForEngineException.class, ForRestException.class,
            ForWebApplicationException.class, ForJsonMapping.class, ForJsonParse.class, BodyCheck.class);

    @Override
    public void customize(ResourceConfig config) {
        PROVIDERS.forEach(config::register);
    }

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addConnectorCustomizers(connector ->
                connector.setEncodedSolidusHandling(EncodedSolidusHandling.PASS_THROUGH.getValue()));
        // The webapp starter registers "Engine Api" in its ServletContextInitializer, which Spring Boot runs inside one
        // ServletContainerInitializer; one added by a context customizer runs after it, still allowed to configure
        // servlets, and before the servlet's Jersey application starts.
        factory.addContextCustomizers(context -> context.addServletContainerInitializer((classes, servletContext) -> {
            ServletRegistration engineApi = servletContext.getServletRegistration(WEBAPP_ENGINE_API);
            if (engineApi == null) {
                log.warn("No servlet '{}': errors of the webapps' engine API keep Camunda's English messages",
                        WEBAPP_ENGINE_API);
                return;
            }
            engineApi.setInitParameter(ServerProperties.PROVIDER_CLASSNAMES,
                    PROVIDERS.stream().map(Class::getName).collect(Collectors.joining(",")));
        }, null));
    }

    static Response answer(Throwable failure, HttpServletRequest request) {
        String path = request == null ? null : request.getRequestURI();
        byte[] body = request == null ? null : (byte[]) request.getAttribute(BODY);
        ErrorReply reply = new ErrorReplies(taskId -> taskEnded(engineServing(request, path), taskId))
                .replyTo(failure, new ErrorReplies.FailedRequest(path, body));
        ErrorReplies.announce(request, reply);
        return Response.status(reply.status()).entity(reply.body()).type(MediaType.APPLICATION_JSON_TYPE).build();
    }

    /**
     * The engine of the application serving the request. The engine REST API finds engines by name, and every Spring
     * context of a test run names its engine "default", so the name alone may find another context's engine or none.
     */
    private static ProcessEngine engineServing(HttpServletRequest request, String path) {
        WebApplicationContext application = request == null ? null
                : WebApplicationContextUtils.getWebApplicationContext(request.getServletContext());
        ProcessEngine own = application == null ? null : application.getBeanProvider(ProcessEngine.class).getIfAvailable();
        if (own != null) {
            return own;
        }
        Matcher engine = path == null ? null : ENGINE_IN_PATH.matcher(path);
        return EngineUtil.lookupProcessEngine(engine != null && engine.find() ? engine.group(1) : "default");
    }

    /** Whether the task existed and has ended, read past the caller's authorizations (only yes or no is told). */
    private static boolean taskEnded(ProcessEngine engine, String taskId) {
        if (engine == null) {
            return false;
        }
        try {
            ProcessEngineConfigurationImpl configuration =
                    (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
            Command<HistoricTaskInstance> lookup = commandContext -> {
                commandContext.disableAuthorizationCheck();
                try {
                    return commandContext.getHistoricTaskInstanceManager().findHistoricTaskInstanceById(taskId);
                } finally {
                    commandContext.enableAuthorizationCheck();
                }
            };
            HistoricTaskInstance task = configuration.getCommandExecutorTxRequired().execute(lookup);
            return task != null && task.getEndTime() != null;
        } catch (RuntimeException e) {
            log.warn("Could not look up the history of task {}", taskId, e);
            return false;
        }
    }

    @Priority(Priorities.USER - 100)
    public static class ForThrowable implements ExceptionMapper<Throwable> {
        @Context HttpServletRequest request;

        @Override
        public Response toResponse(Throwable e) {
            return answer(e, request);
        }
    }

    @Priority(Priorities.USER - 100)
    public static class ForEngineException implements ExceptionMapper<ProcessEngineException> {
        @Context HttpServletRequest request;

        @Override
        public Response toResponse(ProcessEngineException e) {
            return answer(e, request);
        }
    }

    @Priority(Priorities.USER - 100)
    public static class ForRestException implements ExceptionMapper<RestException> {
        @Context HttpServletRequest request;

        @Override
        public Response toResponse(RestException e) {
            return answer(e, request);
        }
    }

    @Priority(Priorities.USER - 100)
    public static class ForWebApplicationException implements ExceptionMapper<WebApplicationException> {
        @Context HttpServletRequest request;

        @Override
        public Response toResponse(WebApplicationException e) {
            return answer(e, request);
        }
    }

    @Priority(Priorities.USER - 100)
    public static class ForJsonMapping implements ExceptionMapper<JsonMappingException> {
        @Context HttpServletRequest request;

        @Override
        public Response toResponse(JsonMappingException e) {
            return answer(e, request);
        }
    }

    @Priority(Priorities.USER - 100)
    public static class ForJsonParse implements ExceptionMapper<JsonParseException> {
        @Context HttpServletRequest request;

        @Override
        public Response toResponse(JsonParseException e) {
            return answer(e, request);
        }
    }

    /**
     * Refuses a JSON body that is just {@code null} (Camunda's resources would fail on it with a NullPointerException)
     * and keeps a small body for {@link ErrorReplies} to name the field a conversion failed on.
     */
    @Priority(Priorities.USER - 100)
    public static class BodyCheck implements ReaderInterceptor {
        @Context HttpServletRequest request;

        @Override
        public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
            MediaType type = context.getMediaType();
            if (type == null || !(type.getSubtype().equals("json") || type.getSubtype().endsWith("+json"))) {
                return context.proceed();
            }
            byte[] body = context.getInputStream().readAllBytes();
            if (new String(body, StandardCharsets.UTF_8).trim().equals("null")) {
                throw new UnionAssistException(CaseworkError.MALFORMED_REQUEST, ErrorReplies.EMPTY_BODY);
            }
            if (body.length <= MAX_KEPT_BODY && request != null) {
                request.setAttribute(BODY, body);
            }
            context.setInputStream(new ByteArrayInputStream(body));
            return context.proceed();
        }
    }
}
