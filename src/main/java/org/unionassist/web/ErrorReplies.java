package org.unionassist.web;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.WebApplicationException;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.context.support.WebApplicationContextUtils;
import org.unionassist.casework.CaseworkError;
import org.unionassist.casework.UnionAssistException;

import java.io.IOException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns whatever made a request fail into the reply a user can read. Our refusals keep their code and status; a lost
 * race (optimistic locking, a task completed a moment earlier) is 409; what the client sent wrong is 400 or 404 with a
 * Chinese message naming the field when it is known. Camunda's English text (which may quote submitted values) never
 * reaches the client. Only what is left is a bug: 500, logged with an error id that the reply carries.
 */
public class ErrorReplies {

    private static final Logger log = LoggerFactory.getLogger(ErrorReplies.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    static final String TASK_TAKEN = "该任务刚刚已由其他人办理完成，请刷新待办列表后查看";
    static final String CASE_CHANGED = "该案件刚刚已被其他人修改，请刷新后重试";
    static final String TASK_NOT_FOUND = "找不到该任务：它可能已被删除，或任务编号有误";
    static final String NOT_FOUND = "找不到请求的内容：它可能已被删除，或编号、名称有误";
    static final String EMPTY_BODY = "请求内容为空：请提交一个 JSON 对象";

    private static final Pattern HAN = Pattern.compile("\\p{IsHan}");
    private static final Pattern TASK_IN_PATH = Pattern.compile("/task/([^/?]+)");
    private static final Pattern TASK_IN_MESSAGE = Pattern.compile("Cannot find task with id ([^\\s:]+)");
    private static final Pattern CONVERSION = Pattern.compile(
            "Cannot convert value '(.*)' of type '([^']*)' to java type", Pattern.DOTALL);
    private static final Pattern QUERY_PARAMETER = Pattern.compile("query parameter '([A-Za-z0-9_]+)'");
    private static final Pattern FORM_FIELD = Pattern.compile("form field '([A-Za-z0-9_]+)'");
    private static final Pattern FIELD_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,63}");

    /** The request that failed, as far as the reply needs it. */
    public record FailedRequest(String path, byte[] body) {
        boolean concernsTask() {
            return path != null && TASK_IN_PATH.matcher(path).find();
        }
    }

    /** Published to the application serving a request that was refused with a 4xx (operations counts them). */
    public record Refused(String path, ErrorReply reply) {
    }

    /** Tells the application that this request was refused; a failure here never changes the reply. */
    static void announce(HttpServletRequest request, ErrorReply reply) {
        if (request == null || reply.status() < 400 || reply.status() >= 500) {
            return;
        }
        try {
            WebApplicationContext application =
                    WebApplicationContextUtils.getWebApplicationContext(request.getServletContext());
            if (application != null) {
                application.publishEvent(new Refused(request.getRequestURI(), reply));
            }
        } catch (RuntimeException e) {
            log.warn("Could not announce the refusal {} of {}", reply.type(), request.getRequestURI(), e);
        }
    }

    private final Predicate<String> taskEndedAlready;

    /** @param taskEndedAlready whether a task of this id existed and has ended (its history says so) */
    public ErrorReplies(Predicate<String> taskEndedAlready) {
        this.taskEndedAlready = taskEndedAlready;
    }

    public ErrorReply replyTo(Throwable failure, FailedRequest request) {
        List<Throwable> chain = causes(failure);
        return firstOf(chain, UnionAssistException.class)
                .map(refusal -> ErrorReply.of(refusal.errorCode(), refusal.getMessage()))
                .or(() -> firstOf(chain, AuthorizationException.class).map(denied -> taskEndedMeanwhile(request)
                        ? ErrorReply.of(CaseworkError.CHANGED_BY_SOMEONE_ELSE, TASK_TAKEN)
                        : ErrorReply.of(CaseworkError.NOT_AUTHORIZED, chineseOr(denied, "没有权限执行此操作"))))
                .or(() -> lostRace(chain, request))
                .or(() -> malformed(chain, request))
                // whatever else failed while someone completed the same task: the engine may have read the case as
                // the winner left it (ENGINE-02004 at the next gateway) before its own update could conflict
                .or(() -> taskEndedMeanwhile(request)
                        ? Optional.of(ErrorReply.of(CaseworkError.CHANGED_BY_SOMEONE_ELSE, TASK_TAKEN))
                        : Optional.empty())
                .orElseGet(() -> internal(failure, request));
    }

    /**
     * A task's authorizations go with it: whoever loses the race to complete it is refused the permission of a task
     * that has just ended, which is a conflict, not a lack of rights.
     */
    private boolean taskEndedMeanwhile(FailedRequest request) {
        Matcher task = request.path() == null ? null : TASK_IN_PATH.matcher(request.path());
        return task != null && task.find() && taskEndedAlready.test(task.group(1));
    }

    /** Our own refusals of a permission carry a Chinese reason; Camunda's English ones (naming ids) are replaced. */
    private static String chineseOr(Throwable denied, String otherwise) {
        String message = denied.getMessage();
        return message != null && HAN.matcher(message).find() ? message : otherwise;
    }

    private Optional<ErrorReply> lostRace(List<Throwable> chain, FailedRequest request) {
        String changed = request.concernsTask() ? TASK_TAKEN : CASE_CHANGED;
        if (firstOf(chain, OptimisticLockingException.class).isPresent()
                || firstOf(chain, OptimisticLockingFailureException.class).isPresent()
                || firstOf(chain, jakarta.persistence.OptimisticLockException.class).isPresent()
                || chain.stream().anyMatch(ErrorReplies::isConcurrentUpdate)) {
            return Optional.of(ErrorReply.of(CaseworkError.CHANGED_BY_SOMEONE_ELSE, changed));
        }
        for (NullValueException missing : allOf(chain, NullValueException.class)) {
            String message = String.valueOf(missing.getMessage());
            // the process instance ended between loading the task and loading its case
            if (message.startsWith("Cannot restore state of process instance")) {
                return Optional.of(ErrorReply.of(CaseworkError.CHANGED_BY_SOMEONE_ELSE, changed));
            }
            Matcher task = TASK_IN_MESSAGE.matcher(message);
            if (task.find()) {
                return Optional.of(taskEndedAlready.test(task.group(1))
                        ? ErrorReply.of(CaseworkError.CHANGED_BY_SOMEONE_ELSE, TASK_TAKEN)
                        : ErrorReply.of(CaseworkError.NOT_FOUND, TASK_NOT_FOUND));
            }
        }
        return Optional.empty();
    }

    /** Lock timeouts, deadlocks, serialization failures and concurrent inserts of a once-only row. */
    private static boolean isConcurrentUpdate(Throwable t) {
        if (!(t instanceof SQLException sql)) {
            return false;
        }
        String state = String.valueOf(sql.getSQLState());
        return state.equals("40001") || state.equals("40P01") || state.equals("23505")
                || sql.getErrorCode() == 50200 /* H2 lock timeout */ || sql.getErrorCode() == 90131 /* H2 concurrent update */;
    }

    private Optional<ErrorReply> malformed(List<Throwable> chain, FailedRequest request) {
        // Camunda's own wording first: its conversion errors carry Jackson's and Java's exceptions as causes
        for (Throwable t : chain) {
            Matcher conversion = CONVERSION.matcher(String.valueOf(t.getMessage()));
            if (conversion.find()) {
                String kind = typeInChinese(conversion.group(2));
                String field = variableHolding(request, conversion.group(1), conversion.group(2));
                return Optional.of(malformedRequest((field == null ? "有一个变量" : "变量 " + field)
                        + " 的值不是有效的" + kind));
            }
            Matcher parameter = QUERY_PARAMETER.matcher(String.valueOf(t.getMessage()));
            if (parameter.find()) {
                return Optional.of(malformedRequest("查询参数 " + parameter.group(1) + " 的值无效"));
            }
        }
        if (chain.stream().anyMatch(t -> t instanceof ArithmeticException || t instanceof NumberFormatException)) {
            return Optional.of(malformedRequest("填写的数值无效" + suffix(hugeNumber(request))));
        }
        Optional<JsonParseException> unparsable = firstOf(chain, JsonParseException.class);
        if (unparsable.isPresent()) {
            return Optional.of(malformedRequest("请求内容不是有效的 JSON，无法读取"));
        }
        Optional<JsonMappingException> misshapen = firstOf(chain, JsonMappingException.class);
        if (misshapen.isPresent()) {
            return Optional.of(malformedRequest("请求内容的格式不正确" + suffix(fieldOf(misshapen.get()))));
        }
        Optional<FormFieldValidationException> invalidField = firstOf(chain, FormFieldValidationException.class);
        if (invalidField.isPresent()) {
            Matcher field = FORM_FIELD.matcher(String.valueOf(invalidField.get().getMessage()));
            return Optional.of(malformedRequest("表单字段填写有误，未通过校验" + suffix(field.find() ? field.group(1) : null)));
        }
        for (Throwable t : chain) {
            Integer status = t instanceof RestException rest && rest.getStatus() != null ? rest.getStatus().getStatusCode()
                    : t instanceof WebApplicationException web ? web.getResponse().getStatus() : null;
            if (status != null && status >= 400 && status < 500) {
                return Optional.of(byStatus(status, request));
            }
        }
        if (firstOf(chain, NotFoundException.class).isPresent()) {
            return Optional.of(ErrorReply.of(CaseworkError.NOT_FOUND, NOT_FOUND));
        }
        if (firstOf(chain, BadUserRequestException.class).isPresent() || firstOf(chain, ParseException.class).isPresent()) {
            return Optional.of(malformedRequest("请求无法处理：内容或参数有误"));
        }
        Optional<NullValueException> missing = firstOf(chain, NullValueException.class);
        if (missing.isPresent()) {
            String message = String.valueOf(missing.get().getMessage());
            return Optional.of(message.matches("(?s).*(Cannot find|No matching|does not exist|not found|doesn't exist).*")
                    ? ErrorReply.of(CaseworkError.NOT_FOUND, NOT_FOUND)
                    : malformedRequest("请求缺少必要的内容或参数"));
        }
        return Optional.empty();
    }

    /** A 4xx chosen by the REST layer or the servlet container, reworded in Chinese. */
    public ErrorReply byStatus(int status, FailedRequest request) {
        return switch (status) {
            case 401 -> ErrorReply.of(401, CaseworkError.SIGNER_UNKNOWN, "请先登录");
            case 403 -> ErrorReply.of(CaseworkError.NOT_AUTHORIZED, "没有权限执行此操作");
            case 404 -> ErrorReply.of(CaseworkError.NOT_FOUND, request.concernsTask() ? TASK_NOT_FOUND : NOT_FOUND);
            case 405 -> ErrorReply.of(405, CaseworkError.MALFORMED_REQUEST, "该地址不支持此请求方法");
            case 406 -> ErrorReply.of(406, CaseworkError.MALFORMED_REQUEST, "无法以请求的格式答复，请接受 JSON");
            case 409 -> ErrorReply.of(CaseworkError.CHANGED_BY_SOMEONE_ELSE,
                    request.concernsTask() ? TASK_TAKEN : CASE_CHANGED);
            case 413 -> ErrorReply.of(413, CaseworkError.MALFORMED_REQUEST, "提交的内容过大");
            case 415 -> ErrorReply.of(415, CaseworkError.MALFORMED_REQUEST, "不支持此请求内容格式，请提交 JSON");
            default -> ErrorReply.of(status, CaseworkError.MALFORMED_REQUEST, "请求无法处理：内容或参数有误");
        };
    }

    public static ErrorReply malformedRequest(String message) {
        return ErrorReply.of(CaseworkError.MALFORMED_REQUEST, message);
    }

    private static ErrorReply internal(Throwable failure, FailedRequest request) {
        String errorId = UUID.randomUUID().toString().substring(0, 8);
        log.error("Internal error {} answering {}", errorId, request.path(), failure);
        return ErrorReply.internal(errorId);
    }

    // ---- naming the field

    static String fieldOf(JsonMappingException e) {
        String field = null;
        for (JsonMappingException.Reference step : e.getPath()) {
            if (step.getFieldName() != null && !"value".equals(step.getFieldName())) {
                field = step.getFieldName();
            }
        }
        return safeName(field);
    }

    private static String suffix(String field) {
        return field == null ? "" : "（字段 " + field + "）";
    }

    private static String safeName(String name) {
        return name != null && FIELD_NAME.matcher(name).matches() ? name : null;
    }

    private static String typeInChinese(String camundaType) {
        return switch (camundaType.toLowerCase()) {
            case "integer", "long", "short" -> "整数";
            case "double" -> "数字";
            case "boolean" -> "是/否值";
            case "date" -> "日期";
            case "json", "object", "xml" -> "结构化内容";
            default -> "值";
        };
    }

    /** The variable of the submitted body that has this value and type (Camunda's message names only those). */
    private static String variableHolding(FailedRequest request, String value, String type) {
        for (Map.Entry<String, JsonNode> variable : variables(request)) {
            JsonNode submitted = variable.getValue();
            if (type.equals(submitted.path("type").asText()) && value.equals(submitted.get("value").asText())) {
                return safeName(variable.getKey());
            }
        }
        return null;
    }

    /** The variable holding a number no form could mean (1e308 and the like), for a number that broke a conversion. */
    private static String hugeNumber(FailedRequest request) {
        for (Map.Entry<String, JsonNode> variable : variables(request)) {
            JsonNode value = variable.getValue().get("value");
            if (value.isNumber() && !value.canConvertToLong()) {
                return safeName(variable.getKey());
            }
        }
        return null;
    }

    /** Every {@code "name": {"value": …}} in the body, at any depth (variables, modifications, start variables). */
    private static List<Map.Entry<String, JsonNode>> variables(FailedRequest request) {
        List<Map.Entry<String, JsonNode>> found = new ArrayList<>();
        if (request.body() == null || request.body().length == 0) {
            return found;
        }
        try {
            collectVariables(JSON.readTree(request.body()), found);
        } catch (IOException notJson) {
            // nothing to name
        }
        return found;
    }

    private static void collectVariables(JsonNode node, List<Map.Entry<String, JsonNode>> found) {
        if (node == null || !node.isContainerNode()) {
            return;
        }
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (field.getValue().isObject() && field.getValue().has("value")) {
                found.add(field);
            } else {
                collectVariables(field.getValue(), found);
            }
        }
        if (node.isArray()) {
            node.forEach(element -> collectVariables(element, found));
        }
    }

    // ---- the cause chain

    static List<Throwable> causes(Throwable failure) {
        List<Throwable> chain = new ArrayList<>();
        for (Throwable t = failure; t != null && !chain.contains(t); t = t.getCause()) {
            chain.add(t);
            if (t instanceof SQLException sql && sql.getNextException() != null) {
                chain.add(sql.getNextException());
            }
        }
        return chain;
    }

    private static <T> Optional<T> firstOf(List<Throwable> chain, Class<T> type) {
        return chain.stream().filter(type::isInstance).map(type::cast).findFirst();
    }

    private static <T> List<T> allOf(List<Throwable> chain, Class<T> type) {
        return chain.stream().filter(type::isInstance).map(type::cast).toList();
    }
}
