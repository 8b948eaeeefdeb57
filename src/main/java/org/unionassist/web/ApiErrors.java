package org.unionassist.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.BindException;
import org.springframework.validation.FieldError;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.MissingRequestValueException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import java.util.Map;

/**
 * Errors of the project's own API in the same shape as the engine REST API's ({@link ErrorReply}: type, code and a
 * Chinese message): refusals with their code's status, lost races 409, what Spring could not read 4xx naming the
 * parameter, unknown routes 404, and only bugs 500 (with an error id in the log and the reply).
 */
@RestControllerAdvice
public class ApiErrors {

    private static final ErrorReplies REPLIES = new ErrorReplies(taskId -> false);

    @ExceptionHandler(Exception.class)
    public ResponseEntity<Map<String, Object>> failed(Exception e, HttpServletRequest request) {
        ErrorReplies.FailedRequest failed = new ErrorReplies.FailedRequest(request.getRequestURI(), null);
        ErrorReply reply;
        if (e instanceof HttpMessageNotReadableException) {
            boolean json = ErrorReplies.causes(e).stream().anyMatch(JsonProcessingException.class::isInstance);
            reply = json ? REPLIES.replyTo(e, failed) : ErrorReplies.malformedRequest("请求内容为空或无法读取");
        } else if (e instanceof ErrorResponse || e instanceof TypeMismatchException) {
            reply = springRefused(e, failed);
        } else {
            reply = REPLIES.replyTo(e, failed);
        }
        ErrorReplies.announce(request, reply);
        return ResponseEntity.status(reply.status()).contentType(MediaType.APPLICATION_JSON).body(reply.body());
    }

    private static ErrorReply springRefused(Exception e, ErrorReplies.FailedRequest request) {
        if (e instanceof MethodArgumentTypeMismatchException mismatch) {
            return ErrorReplies.malformedRequest("参数 " + mismatch.getName() + " 的值无效");
        }
        if (e instanceof TypeMismatchException mismatch) {
            return ErrorReplies.malformedRequest("参数 " + mismatch.getPropertyName() + " 的值无效");
        }
        if (e instanceof MissingServletRequestParameterException missing) {
            return ErrorReplies.malformedRequest("缺少参数 " + missing.getParameterName());
        }
        if (e instanceof MissingServletRequestPartException missing) {
            return ErrorReplies.malformedRequest("缺少上传的内容 " + missing.getRequestPartName());
        }
        if (e instanceof MissingRequestValueException) {
            return ErrorReplies.malformedRequest("请求缺少必要的参数");
        }
        if (e instanceof BindException binding) {
            FieldError field = binding.getFieldError();
            return ErrorReplies.malformedRequest(field == null ? "请求内容有误" : "字段 " + field.getField() + " 填写有误");
        }
        if (e instanceof NoResourceFoundException || e instanceof NoHandlerFoundException) {
            return REPLIES.byStatus(404, request);
        }
        if (e instanceof ErrorResponse spring && spring.getStatusCode().is4xxClientError()) {
            return REPLIES.byStatus(spring.getStatusCode().value(), request);
        }
        return REPLIES.replyTo(e, request);
    }
}
