package dev.phonehome.console.security;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

import dev.phonehome.console.ConsoleOnly;
import dev.phonehome.console.access.AccessRecorder;
import dev.phonehome.console.access.Action;
import dev.phonehome.console.users.ConsoleRole;
import dev.phonehome.console.users.ConsoleUsers;

/**
 * Who may see what: every page needs a signed-in console user (form login against the users file, or OIDC when a
 * provider is configured through Spring Boot's {@code spring.security.oauth2.client.*}); approving, rejecting and
 * the access log need the approver role. CSRF protects every POST (Spring Security's default); the pages run no
 * script at all, and the Content-Security-Policy says so.
 */
@Configuration
@ConsoleOnly
class ConsoleSecurityConfiguration {

	/** Styles and images from the console itself; no script, no frames, no plugins, forms only to the console. */
	static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'self'; img-src 'self'; "
			+ "form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

	@Bean
	SecurityFilterChain consoleSecurity(HttpSecurity http, ObjectProvider<ClientRegistrationRepository> oidc,
			ConsoleUsers users, AccessRecorder recorder) throws Exception {
		String viewer = ConsoleRole.VIEWER.name();
		String approver = ConsoleRole.APPROVER.name();
		http.authorizeHttpRequests(requests -> requests
			.requestMatchers("/login", "/error", "/console.css", "/favicon.svg", "/favicon.ico").permitAll()
			.requestMatchers(HttpMethod.POST, "/approvals/**").hasRole(approver)
			.requestMatchers("/access-log", "/access-log.csv").hasRole(approver)
			.anyRequest().hasRole(viewer))
			.formLogin(form -> form.loginPage("/login").permitAll())
			.logout(logout -> logout.logoutSuccessUrl("/login?signed-out"))
			.exceptionHandling(exceptions -> exceptions.accessDeniedHandler(recordingRefusals(recorder)))
			.headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
				.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER))
				.frameOptions(frames -> frames.deny()));
		if (oidc.getIfAvailable() != null) {
			http.oauth2Login(login -> login.loginPage("/login")
				.userInfoEndpoint(userInfo -> userInfo.oidcUserService(new OidcConsoleUsers(users))));
		}
		return http.build();
	}

	/** A refusal is evidence too: recorded in the access log, then answered 403 with the console's error page. */
	private static AccessDeniedHandler recordingRefusals(AccessRecorder recorder) {
		AccessDeniedHandler answer = new AccessDeniedHandlerImpl();
		return (request, response, denied) -> {
			if (request.getUserPrincipal() != null) {
				recorder.record(request, request.getUserPrincipal().getName(), Action.DENIED, 403);
			}
			request.setAttribute("deniedReason", denied.getClass().getSimpleName().contains("Csrf")
					? "the form was not sent from this console's page, or it expired (CSRF token missing or wrong); "
							+ "reload the page and try again"
					: "your role does not allow this");
			answer.handle(request, response, denied);
		};
	}

}
