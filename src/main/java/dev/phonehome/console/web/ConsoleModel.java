package dev.phonehome.console.web;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import dev.phonehome.console.ConsoleOnly;
import dev.phonehome.console.users.ConsoleRole;

/** What every page's frame shows: who is signed in, and whether they see the approver's pages. */
@ControllerAdvice
@ConsoleOnly
class ConsoleModel {

	@ModelAttribute("who")
	String whoIsSignedIn() {
		return who();
	}

	@ModelAttribute("approver")
	boolean signedInAsApprover() {
		return approver();
	}

	static String who() {
		Authentication authentication = signedIn();
		return authentication == null ? null : authentication.getName();
	}

	static boolean approver() {
		Authentication authentication = signedIn();
		return authentication != null && authentication.getAuthorities()
			.stream()
			.anyMatch(a -> ConsoleRole.APPROVER.authority().equals(a.getAuthority()));
	}

	private static Authentication signedIn() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return authentication == null || !authentication.isAuthenticated()
				|| "anonymousUser".equals(authentication.getPrincipal()) ? null : authentication;
	}

}
