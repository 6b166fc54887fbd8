package org.suggestionbox.notifier.preferences;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.suggestionbox.events.DeliveryChannel;
import org.suggestionbox.platform.security.DirectoryUser;

/** The caller's notification preferences. */
@RestController
@RequestMapping("/api/preferences")
class PreferencesApiController {

    private final PreferencesService preferences;
    private final AvailableChannels available;
    private final MessageSource messages;

    PreferencesApiController(PreferencesService preferences, AvailableChannels available, MessageSource messages) {
        this.preferences = preferences;
        this.available = available;
        this.messages = messages;
    }

    /**
     * @param available the channels this installation set up (the others are stored but not used)
     */
    record PreferencesView(
            Set<DeliveryChannel> channels,
            @Nullable String teamsWebhookUrl,
            @Nullable String webhookUrl,
            @Nullable String locale,
            boolean digest,
            boolean managerHearsThanks,
            boolean monthlyDigest,
            Set<DeliveryChannel> available) {}

    /**
     * What the caller changes (the whole set): absent channels mean the in-app inbox only, absent digest no
     * digest, absent {@code managerHearsThanks} no thanks to the manager, absent {@code monthlyDigest} the
     * monthly digest (everyone gets it unless they opt out).
     */
    record PreferencesUpdate(
            @Nullable Set<DeliveryChannel> channels,
            @Nullable String teamsWebhookUrl,
            @Nullable String webhookUrl,
            @Nullable String locale,
            @Nullable Boolean digest,
            @Nullable Boolean managerHearsThanks,
            @Nullable Boolean monthlyDigest) {}

    @GetMapping
    PreferencesView get(@AuthenticationPrincipal DirectoryUser user) {
        return view(preferences.ofPerson(user.id()));
    }

    @PutMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    PreferencesView put(@AuthenticationPrincipal DirectoryUser user, @RequestBody PreferencesUpdate update) {
        return view(preferences.update(
                user.id(),
                new Preferences(
                        update.channels() == null ? Set.of() : update.channels(),
                        update.teamsWebhookUrl(),
                        update.webhookUrl(),
                        update.locale(),
                        Boolean.TRUE.equals(update.digest()),
                        Boolean.TRUE.equals(update.managerHearsThanks()),
                        !Boolean.FALSE.equals(update.monthlyDigest()))));
    }

    @ExceptionHandler(PreferencesService.InvalidPreferencesException.class)
    ProblemDetail invalid(PreferencesService.InvalidPreferencesException ex) {
        String message = ex.getMessage();
        String key = ex.messageKey();
        if (key != null) {
            var locale = LocaleContextHolder.getLocale();
            String label = messages.getMessage("prefs.field." + ex.field(), null, ex.field(), locale);
            message = messages.getMessage(key, new Object[] {label}, message, locale);
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, ex.field() + ": " + message);
        problem.setTitle("Invalid preferences");
        problem.setProperty("errors", List.of(Map.of("field", ex.field(), "message", message)));
        return problem;
    }

    private PreferencesView view(Preferences stored) {
        return new PreferencesView(
                stored.channels(),
                stored.teamsWebhookUrl(),
                stored.webhookUrl(),
                stored.locale(),
                stored.digest(),
                stored.managerHearsThanks(),
                stored.monthlyDigest(),
                available.all());
    }
}
