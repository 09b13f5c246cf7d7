package dev.phonehome.console.security;

import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

import dev.phonehome.console.users.ConsoleUser;
import dev.phonehome.console.users.ConsoleUsers;

/**
 * OIDC sign-in: the identity provider says who the user is, the users file says what they may do. The provider's
 * user name (its {@code user-name-attribute}, e.g. {@code preferred_username}) must be a console user; anyone else
 * is refused, whatever the provider thinks of them.
 */
class OidcConsoleUsers implements OAuth2UserService<OidcUserRequest, OidcUser> {

	private final OidcUserService provider = new OidcUserService();

	private final ConsoleUsers users;

	OidcConsoleUsers(ConsoleUsers users) {
		this.users = users;
	}

	@Override
	public OidcUser loadUser(OidcUserRequest request) {
		OidcUser identity = provider.loadUser(request);
		ConsoleUser user = users.find(identity.getName())
			.orElseThrow(() -> new OAuth2AuthenticationException(new OAuth2Error("access_denied",
					"'" + identity.getName() + "' is not a console user (phonehome console-user add)", null)));
		String nameAttribute = request.getClientRegistration()
			.getProviderDetails()
			.getUserInfoEndpoint()
			.getUserNameAttributeName();
		return nameAttribute == null || nameAttribute.isEmpty()
				? new DefaultOidcUser(ConsoleUserDetails.authorities(user.role()), identity.getIdToken(),
						identity.getUserInfo())
				: new DefaultOidcUser(ConsoleUserDetails.authorities(user.role()), identity.getIdToken(),
						identity.getUserInfo(), nameAttribute);
	}

}
