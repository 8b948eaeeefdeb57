package org.unionassist.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import org.unionassist.casework.ErrorCode;

import java.io.IOException;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a client reads when a request fails, in the shape of Camunda's ExceptionDto ({@code type}, {@code code},
 * {@code message}; Tasklist shows {@code message}) so that every API of the application answers alike. The message is
 * Chinese and safe to show; {@code errorId} is set only for an internal error, to find its log entry.
 */
public record ErrorReply(int status, String type, int code, String message, String errorId) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Camunda's own code for an error it has no code for. */
    static final int NO_CODE = 0;

    public static ErrorReply of(ErrorCode code, String message) {
        return of(code.httpStatus(), code, message);
    }

    public static ErrorReply of(int status, ErrorCode code, String message) {
        return new ErrorReply(status, code.name(), code.code(), message, null);
    }

    static ErrorReply internal(String errorId) {
        return new ErrorReply(500, "INTERNAL_ERROR", NO_CODE,
                "系统内部错误，请稍后重试；如仍出错，请将错误编号 " + errorId + " 告知系统管理员", errorId);
    }

    /**
     * Answers with this reply where a filter refuses a request before any controller: the status and the JSON body,
     * in UTF-8.
     */
    public void writeTo(HttpServletResponse response) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json;charset=UTF-8");
        JSON.writeValue(response.getOutputStream(), body());
    }

    public Map<String, Object> body() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", type);
        body.put("code", code);
        body.put("message", message);
        if (errorId != null) {
            body.put("errorId", errorId);
        }
        return body;
    }
}
