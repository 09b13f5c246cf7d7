package dev.phonehome.console.security;

import java.util.List;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

import dev.phonehome.console.ConsoleOnly;
import dev.phonehome.console.users.ConsoleRole;
import dev.phonehome.console.users.ConsoleUser;
import dev.phonehome.console.users.ConsoleUsers;

/**
 * Form sign-in against the users file, read at every sign-in (so {@code console-user add/remove} counts at once).
 * An OIDC-only user has no password to sign in with here.
 */
@Component
@ConsoleOnly
class ConsoleUserDetails implements UserDetailsService {

	private final ConsoleUsers users;

	ConsoleUserDetails(ConsoleUsers users) {
		this.users = users;
	}

	@Override
	public UserDetails loadUserByUsername(String username) {
		ConsoleUser user = users.find(username)
			.filter(ConsoleUser::hasPassword)
			.orElseThrow(() -> new UsernameNotFoundException("no console user with a password by that name"));
		return User.withUsername(user.name()).password(user.passwordHash()).authorities(authorities(user.role())).build();
	}

	/** An approver may do all a viewer may, so it holds both roles. */
	static List<GrantedAuthority> authorities(ConsoleRole role) {
		return role == ConsoleRole.APPROVER
				? List.of(new SimpleGrantedAuthority(ConsoleRole.VIEWER.authority()),
						new SimpleGrantedAuthority(ConsoleRole.APPROVER.authority()))
				: List.of(new SimpleGrantedAuthority(ConsoleRole.VIEWER.authority()));
	}

}
