package org.suggestionbox.notifier.preferences;

import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.suggestionbox.events.DeliveryChannel;
import org.suggestionbox.platform.security.DirectoryUser;
import org.suggestionbox.platform.web.PageController;

/**
 * The preferences page: channels, own Teams and webhook URLs, language, digest, thanks to the manager, the
 * monthly "You said, we did" digest.
 */
@Controller
class PreferencesPageController implements PageController {

    private final PreferencesService preferences;
    private final AvailableChannels available;

    PreferencesPageController(PreferencesService preferences, AvailableChannels available) {
        this.preferences = preferences;
        this.available = available;
    }

    @GetMapping("/preferences")
    String show(@AuthenticationPrincipal DirectoryUser user, Model model) {
        return page(model, preferences.ofPerson(user.id()), null, null, null);
    }

    @PostMapping("/preferences")
    String save(
            @AuthenticationPrincipal DirectoryUser user,
            @RequestParam(name = "channels", required = false) @Nullable List<DeliveryChannel> channels,
            @RequestParam(name = "teamsWebhookUrl", required = false) @Nullable String teamsWebhookUrl,
            @RequestParam(name = "webhookUrl", required = false) @Nullable String webhookUrl,
            @RequestParam(name = "locale", required = false) @Nullable String locale,
            @RequestParam(name = "digest", defaultValue = "false") boolean digest,
            @RequestParam(name = "managerHearsThanks", defaultValue = "false") boolean managerHearsThanks,
            @RequestParam(name = "monthlyDigest", defaultValue = "false") boolean monthlyDigest,
            Model model) {
        // the form always shows both boxes (the monthly digest ticked unless opted out): an unticked box is "no"
        Preferences chosen = new Preferences(
                channels == null ? Set.of() : Set.copyOf(channels),
                teamsWebhookUrl,
                webhookUrl,
                locale,
                digest,
                managerHearsThanks,
                monthlyDigest);
        try {
            preferences.update(user.id(), chosen);
        } catch (PreferencesService.InvalidPreferencesException ex) {
            return page(model, chosen, ex.field(), ex.getMessage(), ex.messageKey());
        }
        return "redirect:/preferences?saved";
    }

    private String page(
            Model model,
            Preferences shown,
            @Nullable String errorField,
            @Nullable String error,
            @Nullable String errorKey) {
        model.addAttribute("prefs", shown);
        model.addAttribute(
                "choosable",
                available.ordered().stream()
                        .filter(channel -> channel != DeliveryChannel.IN_APP)
                        .toList());
        model.addAttribute("languages", PreferencesService.LANGUAGES);
        model.addAttribute("errorField", errorField);
        model.addAttribute("error", error);
        model.addAttribute("errorKey", errorKey);
        return "preferences";
    }
}
