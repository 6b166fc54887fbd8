package org.suggestionbox.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.suggestionbox.platform.directory.Directory;
import org.suggestionbox.platform.directory.Person;
import org.suggestionbox.platform.directory.Role;
import tools.jackson.databind.json.JsonMapper;

class SignedInPeopleTests {

    private final Directory directory = new Directory(
            new DefaultResourceLoader(), JsonMapper.builder().build(), "classpath:directory/demo-directory.json");

    @Test
    void aPersonIsFoundByTheirEmailClaim() {
        SignedInPeople people = people("roles", "email", Map.of());

        assertThat(people.person(Map.of("email", "Maya@suggestionbox.example")))
                .map(Person::id)
                .contains("maya");
    }

    @Test
    void aClaimWithoutAnAtSignIsTakenAsADirectoryId() {
        SignedInPeople people = people("roles", "preferred_username", Map.of());

        assertThat(people.person(Map.of("preferred_username", "noa")))
                .map(Person::id)
                .contains("noa");
    }

    @Test
    void someoneTheDirectoryDoesNotKnowGetsNoAccount() {
        SignedInPeople people = people("roles", "email", Map.of());

        assertThat(people.person(Map.of("email", "mallory@elsewhere.example"))).isEmpty();
        assertThat(people.person(Map.of("sub", "alice"))).isEmpty();
    }

    @Test
    void rolesComeFromTheConfiguredClaimWhateverTheirCaseOrPrefix() {
        SignedInPeople people = people("groups", "email", Map.of());

        assertThat(people.roles(Map.of("groups", List.of("employee", "ROLE_OWNER", "Unrelated-Group"))))
                .containsExactlyInAnyOrder(Role.EMPLOYEE, Role.OWNER);
        assertThat(people.roles(Map.of("roles", List.of("ADMIN"))))
                .as("another claim than the configured one")
                .isEmpty();
    }

    @Test
    void providerGroupNamesAreMappedToRoles() {
        SignedInPeople people = people(
                "groups", "email", Map.of("sb-leadership", "LEADER", "9f1c1a8e-0000-4000-8000-000000000001", "ADMIN"));

        assertThat(people.roles(Map.of("groups", List.of("sb-leadership", "9f1c1a8e-0000-4000-8000-000000000001"))))
                .containsExactlyInAnyOrder(Role.LEADER, Role.ADMIN);
    }

    @Test
    void aNestedClaimIsReadByItsDottedName() {
        SignedInPeople people = people("realm_access.roles", "email", Map.of());

        assertThat(people.roles(Map.of("realm_access", Map.of("roles", List.of("OWNER", "offline_access")))))
                .containsExactly(Role.OWNER);
        assertThat(people.roles(Map.of("roles", "EMPLOYEE LEADER"))).isEmpty();
    }

    @Test
    void aSpaceSeparatedRolesClaimIsSplit() {
        SignedInPeople people = people("roles", "email", Map.of());

        assertThat(people.roles(Map.of("roles", "EMPLOYEE LEADER")))
                .containsExactlyInAnyOrder(Role.EMPLOYEE, Role.LEADER);
    }

    @Test
    void aBearerTokenBecomesItsDirectoryPersonWithTheTokensRoles() {
        DirectoryJwtAuthenticationConverter converter =
                new DirectoryJwtAuthenticationConverter(people("roles", "email", Map.of()));

        var authentication =
                converter.convert(jwt(Map.of("email", "jan@suggestionbox.example", "roles", List.of("EMPLOYEE"))));

        assertThat(authentication.getPrincipal())
                .isInstanceOfSatisfying(
                        DirectoryUser.class, user -> assertThat(user.id()).isEqualTo("jan"));
        assertThat(authentication.getAuthorities()).extracting(Object::toString).containsExactly("ROLE_EMPLOYEE");
    }

    @Test
    void aBearerTokenForSomeoneTheDirectoryDoesNotKnowIsRefused() {
        DirectoryJwtAuthenticationConverter converter =
                new DirectoryJwtAuthenticationConverter(people("roles", "email", Map.of()));

        assertThatExceptionOfType(InvalidBearerTokenException.class)
                .isThrownBy(() -> converter.convert(jwt(Map.of("email", "mallory@elsewhere.example"))))
                .withMessageContaining("email");
    }

    @Test
    void aTokenForAnotherAudienceIsRefused() {
        AudienceValidator validator = new AudienceValidator("suggestion-router");

        assertThat(validator
                        .validate(jwt(Map.of("aud", List.of("suggestion-router"))))
                        .hasErrors())
                .isFalse();
        assertThat(validator
                        .validate(jwt(Map.of("aud", List.of("suggestion-intake"))))
                        .hasErrors())
                .isTrue();
        assertThat(validator.validate(jwt(Map.of("sub", "alice"))).hasErrors()).isTrue();
    }

    private SignedInPeople people(String rolesClaim, String personClaim, Map<String, String> mapping) {
        return new SignedInPeople(
                this.directory,
                new PlatformSecurityProperties.Oidc(
                        "http://issuer.test", "suggestion-router", "secret", rolesClaim, personClaim, null, mapping));
    }

    private static Jwt jwt(Map<String, Object> claims) {
        return Jwt.withTokenValue("token")
                .header("alg", "RS256")
                .claims(all -> all.putAll(claims))
                .issuedAt(Instant.now())
                .expiresAt(Instant.now().plusSeconds(60))
                .build();
    }
}
