package dev.phonehome.console.access;

import java.security.Principal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

import dev.phonehome.console.ConsoleOnly;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Records every request a console page handled, once it is answered: who, what, which night and execution (from
 * the URL's {@code {night}} and {@code {execution}}), and the HTTP status it got. Refusals before any handler
 * (no role, no CSRF token) are recorded by the security's access-denied handler instead.
 */
@Component
@ConsoleOnly
public class AccessRecorder implements HandlerInterceptor {

	private static final Logger log = LoggerFactory.getLogger(AccessRecorder.class);

	/** A payload search's terms may be addresses: the log says a search was made, not what was searched. */
	private static final String SEARCH = "q";

	private final AccessLog accessLog;

	public AccessRecorder(AccessLog accessLog) {
		this.accessLog = accessLog;
	}

	@Override
	public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler,
			Exception ex) {
		Principal user = request.getUserPrincipal();
		if (!(handler instanceof HandlerMethod method) || user == null) {
			return;
		}
		Recorded recorded = method.getMethodAnnotation(Recorded.class);
		record(request, user.getName(), recorded == null ? Action.VIEW : recorded.value(), response.getStatus());
	}

	/** Records one request; a failure to record is logged, never shown in place of the page. */
	public void record(HttpServletRequest request, String username, Action action, int status) {
		@SuppressWarnings("unchecked")
		Map<String, String> variables = (Map<String, String>) request
			.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
		try {
			accessLog.record(username, action, target(request), night(variables), execution(variables), status);
		}
		catch (RuntimeException failure) {
			log.error("could not record {} {} by {} in the console's access log: {}", action, request.getRequestURI(),
					username, failure.getMessage());
		}
	}

	static String target(HttpServletRequest request) {
		String path = request.getRequestURI();
		Map<String, String[]> parameters = request.getParameterMap();
		if (request.getQueryString() == null || parameters.isEmpty()) {
			return path;
		}
		String query = parameters.entrySet()
			.stream()
			.filter(e -> !e.getKey().startsWith("_csrf"))
			.flatMap(e -> java.util.Arrays.stream(e.getValue())
				.map(v -> e.getKey() + "=" + (e.getKey().equals(SEARCH) ? "(search terms not recorded)" : v)))
			.collect(Collectors.joining("&"));
		return query.isEmpty() ? path : path + "?" + query;
	}

	private static LocalDate night(Map<String, String> variables) {
		String night = variables == null ? null : variables.get("night");
		try {
			return night == null ? null : LocalDate.parse(night);
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	private static Long execution(Map<String, String> variables) {
		String execution = variables == null ? null : variables.get("execution");
		try {
			return execution == null ? null : Long.valueOf(execution);
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

}
