package org.openmrs.module.dhis2sync.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.openmrs.api.APIAuthenticationException;
import org.openmrs.module.dhis2sync.api.FieldException;
import org.openmrs.module.dhis2sync.api.NotFoundException;
import org.openmrs.module.dhis2sync.dhis2.Dhis2UnavailableException;
import org.openmrs.module.dhis2sync.dhis2.ValidationUnavailableException;
import org.openmrs.module.dhis2sync.mapping.FieldError;
import org.openmrs.module.dhis2sync.mapping.MappingNameTakenException;
import org.openmrs.module.dhis2sync.mapping.MappingValidationException;
import org.openmrs.module.dhis2sync.settings.Dhis2ClientFactory;
import org.openmrs.module.dhis2sync.settings.InvalidSettingsException;
import org.openmrs.module.dhis2sync.settings.SecretUnreadableException;
import org.openmrs.module.dhis2sync.settings.SettingsField;
import org.openmrs.module.dhis2sync.sync.RunInProgressException;
import org.openmrs.module.dhis2sync.jobs.JobRunningException;
import org.openmrs.module.dhis2sync.web.dto.ErrorBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * Turns every failure of the module's controllers (and only theirs) into {@code {"error": {"message", "field"}}}
 * with its status; never a stack trace. Messages of the module's exceptions are written for the person using the
 * page and never hold the DHIS2 secret.
 */
@RestControllerAdvice(basePackageClasses = Dhis2SyncErrorAdvice.class)
public class Dhis2SyncErrorAdvice {

    private static final Logger log = LoggerFactory.getLogger(Dhis2SyncErrorAdvice.class);

    private final RequestAuthorization authorization;

    public Dhis2SyncErrorAdvice(RequestAuthorization authorization) {
        this.authorization = authorization;
    }

    @ExceptionHandler(WebException.class)
    public ResponseEntity<ErrorBody> refused(WebException e) {
        return reply(e.getStatus(), new ErrorBody(e.getMessage(), e.getField()));
    }

    @ExceptionHandler(FieldException.class)
    public ResponseEntity<ErrorBody> invalidField(FieldException e) {
        String prefix = e.getField() + ": ";
        String message = e.getMessage().startsWith(prefix) ? e.getMessage().substring(prefix.length()) : e.getMessage();
        return reply(HttpStatus.BAD_REQUEST, new ErrorBody(message, e.getField()));
    }

    @ExceptionHandler(MappingValidationException.class)
    public ResponseEntity<ErrorBody> invalidMapping(MappingValidationException e) {
        List<ErrorBody.FieldMessage> errors = new ArrayList<>();
        for (FieldError error : e.getErrors()) {
            errors.add(new ErrorBody.FieldMessage(blankToNull(error.getField()), error.getMessage()));
        }
        FieldError first = e.getErrors().get(0);
        String message = e.getErrors().size() == 1 ? first.toString()
                : "The mapping has " + e.getErrors().size() + " errors; the first: " + first;
        return reply(HttpStatus.BAD_REQUEST, new ErrorBody(message, blankToNull(first.getField()), errors));
    }

    @ExceptionHandler(InvalidSettingsException.class)
    public ResponseEntity<ErrorBody> invalidSettings(InvalidSettingsException e) {
        List<ErrorBody.FieldMessage> errors = new ArrayList<>();
        for (Map.Entry<SettingsField, String> problem : e.getProblems().entrySet()) {
            errors.add(new ErrorBody.FieldMessage(SettingsBodies.fieldName(problem.getKey()), problem.getValue()));
        }
        return reply(HttpStatus.BAD_REQUEST, new ErrorBody(e.getMessage(), errors.get(0).getField(), errors));
    }

    @ExceptionHandler(NotFoundException.class)
    public ResponseEntity<ErrorBody> notFound(NotFoundException e) {
        return reply(HttpStatus.NOT_FOUND, new ErrorBody(e.getMessage(), null));
    }

    @ExceptionHandler({RunInProgressException.class, JobRunningException.class})
    public ResponseEntity<ErrorBody> running(RuntimeException e) {
        return reply(HttpStatus.CONFLICT, new ErrorBody(e.getMessage(), null));
    }

    /** "Check with DHIS2" on a DHIS2 below 2.41, which cannot check without writing: nothing was sent. */
    @ExceptionHandler(ValidationUnavailableException.class)
    public ResponseEntity<ErrorBody> cannotCheck(ValidationUnavailableException e) {
        return reply(HttpStatus.CONFLICT, new ErrorBody(e.getMessage(), null));
    }

    @ExceptionHandler(MappingNameTakenException.class)
    public ResponseEntity<ErrorBody> nameTaken(MappingNameTakenException e) {
        return reply(HttpStatus.CONFLICT, new ErrorBody(e.getMessage(), "name"));
    }

    @ExceptionHandler({Dhis2UnavailableException.class, Dhis2ClientFactory.NotConfiguredException.class,
            SecretUnreadableException.class})
    public ResponseEntity<ErrorBody> dhis2Failed(RuntimeException e) {
        return reply(HttpStatus.BAD_GATEWAY, new ErrorBody(e.getMessage(), null));
    }

    @ExceptionHandler(APIAuthenticationException.class)
    public ResponseEntity<ErrorBody> openmrsRefused(APIAuthenticationException e) {
        if (!authorization.isAuthenticated()) {
            return reply(HttpStatus.UNAUTHORIZED, new ErrorBody("Not logged in: log in to OpenMRS first", null));
        }
        return reply(HttpStatus.FORBIDDEN, new ErrorBody(e.getMessage() == null ? "Not allowed" : e.getMessage(), null));
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    public ResponseEntity<ErrorBody> missingParameter(MissingServletRequestParameterException e) {
        return reply(HttpStatus.BAD_REQUEST, new ErrorBody("the parameter '" + e.getParameterName() + "' is required",
                e.getParameterName()));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    public ResponseEntity<ErrorBody> wrongParameter(MethodArgumentTypeMismatchException e) {
        return reply(HttpStatus.BAD_REQUEST, new ErrorBody("'" + e.getValue() + "' is not valid for '" + e.getName()
                + "'", e.getName()));
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    public ResponseEntity<ErrorBody> wrongMethod(HttpRequestMethodNotSupportedException e) {
        return reply(HttpStatus.METHOD_NOT_ALLOWED, new ErrorBody(e.getMessage(), null));
    }

    /** What the service refuses as a whole, e.g. syncing a retired mapping. */
    @ExceptionHandler(IllegalArgumentException.class)
    public ResponseEntity<ErrorBody> invalid(IllegalArgumentException e) {
        return reply(HttpStatus.BAD_REQUEST, new ErrorBody(e.getMessage(), null));
    }

    @ExceptionHandler(Exception.class)
    public ResponseEntity<ErrorBody> unexpected(Exception e) {
        log.error("DHIS2 Sync REST request failed", e);
        return reply(HttpStatus.INTERNAL_SERVER_ERROR, new ErrorBody("Internal error of the DHIS2 Sync module ("
                + e.getClass().getSimpleName() + "); the OpenMRS log has the details", null));
    }

    private static ResponseEntity<ErrorBody> reply(HttpStatus status, ErrorBody body) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(body);
    }

    private static String blankToNull(String text) {
        return text == null || text.isEmpty() ? null : text;
    }
}
