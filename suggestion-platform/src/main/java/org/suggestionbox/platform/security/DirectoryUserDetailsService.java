package org.suggestionbox.platform.security;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.suggestionbox.platform.directory.Directory;

/**
 * Signs in directory people with the demo password. Good for the local stack and tests only: the
 * password is compared in clear, which is why production uses OpenID Connect.
 */
class DirectoryUserDetailsService implements UserDetailsService {

    private final Directory directory;
    private final String password;

    DirectoryUserDetailsService(Directory directory, String demoPassword) {
        this.directory = directory;
        this.password = "{noop}" + demoPassword;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        return directory.find(username)
                .map(person -> new DirectoryUser(person, password))
                .orElseThrow(() -> new UsernameNotFoundException("Not in the directory"));
    }
}
