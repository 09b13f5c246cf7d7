package dev.phonehome.console.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import dev.phonehome.console.ConsoleOnly;
import dev.phonehome.console.ConsoleProblem;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Bad input gets a page that says what was wrong, with the right status (404, 400, 409), never a stack trace. An
 * unexpected failure is logged on the server and shown only as a 500 with where to look.
 */
@ControllerAdvice
@ConsoleOnly
class ProblemPages {

	private static final Logger log = LoggerFactory.getLogger(ProblemPages.class);

	@ExceptionHandler(ConsoleProblem.class)
	ModelAndView problem(ConsoleProblem problem) {
		return page(problem.status(), problem.getMessage());
	}

	@ExceptionHandler({ MethodArgumentTypeMismatchException.class, MissingServletRequestParameterException.class })
	ModelAndView badParameter(Exception ex) {
		String name = ex instanceof MethodArgumentTypeMismatchException mismatch ? mismatch.getName()
				: ((MissingServletRequestParameterException) ex).getParameterName();
		return page(HttpStatus.BAD_REQUEST, "the parameter '" + name + "' is missing or malformed");
	}

	@ExceptionHandler(NoResourceFoundException.class)
	ModelAndView noSuchPage(HttpServletRequest request) {
		return page(HttpStatus.NOT_FOUND, "there is no such page in the console");
	}

	@ExceptionHandler(HttpRequestMethodNotSupportedException.class)
	ModelAndView wrongMethod(HttpRequestMethodNotSupportedException ex) {
		return page(HttpStatus.METHOD_NOT_ALLOWED, "this address does not take a " + ex.getMethod());
	}

	@ExceptionHandler(Exception.class)
	ModelAndView unexpected(Exception ex, HttpServletRequest request) {
		log.error("console: {} {} failed", request.getMethod(), request.getRequestURI(), ex);
		return page(HttpStatus.INTERNAL_SERVER_ERROR,
				"the console could not answer this; the details are in its log (stderr of 'phonehome console')");
	}

	static ModelAndView page(HttpStatus status, String message) {
		ModelAndView page = new ModelAndView("error", status);
		page.addObject("status", status.value());
		page.addObject("error", status.getReasonPhrase());
		page.addObject("message", message);
		// an error page keeps the console's frame (an exception handler's model has no @ModelAttribute values)
		page.addObject("who", ConsoleModel.who());
		page.addObject("approver", ConsoleModel.approver());
		return page;
	}

}
