package org.unionassist.web;

import org.unionassist.casework.CaseworkError;
import org.camunda.bpm.engine.AuthorizationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.unionassist.casework.UnionAssistException;

import java.util.Map;

/** Errors of the project's own API in the same shape as the engine REST API's: type, code and a Chinese message. */
@RestControllerAdvice
public class ApiErrors {

    @ExceptionHandler(UnionAssistException.class)
    public ResponseEntity<Map<String, Object>> refused(UnionAssistException e) {
        HttpStatus status = HttpStatus.valueOf(e.errorCode().httpStatus());
        return ResponseEntity.status(status).body(Map.of(
                "type", e.errorCode().name(), "code", e.errorCode().code(), "message", e.getMessage()));
    }

    @ExceptionHandler(AuthorizationException.class)
    public ResponseEntity<Map<String, Object>> forbidden(AuthorizationException e) {
        return ResponseEntity.status(HttpStatus.FORBIDDEN).body(Map.of(
                "type", CaseworkError.NOT_AUTHORIZED.name(), "code", CaseworkError.NOT_AUTHORIZED.code(),
                "message", "没有权限执行此操作"));
    }
}
