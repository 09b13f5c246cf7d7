package dev.phonehome.console.security;

import java.util.ArrayList;
import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import dev.phonehome.console.ConsoleOnly;

/** The sign-in page: a user name and password form, and a link per configured OIDC provider. */
@Controller
@ConsoleOnly
class LoginController {

	private final ObjectProvider<ClientRegistrationRepository> oidc;

	LoginController(ObjectProvider<ClientRegistrationRepository> oidc) {
		this.oidc = oidc;
	}

	@GetMapping("/login")
	String login(Model model) {
		List<Provider> providers = new ArrayList<>();
		if (oidc.getIfAvailable() instanceof Iterable<?> registrations) {
			for (Object registration : registrations) {
				ClientRegistration client = (ClientRegistration) registration;
				providers.add(new Provider(client.getClientName(), "/oauth2/authorization/" + client.getRegistrationId()));
			}
		}
		model.addAttribute("providers", providers);
		return "login";
	}

	record Provider(String name, String link) {
	}

}
