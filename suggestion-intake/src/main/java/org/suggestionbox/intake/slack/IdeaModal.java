package org.suggestionbox.intake.slack;

import com.slack.api.model.block.InputBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.composition.OptionObject;
import com.slack.api.model.block.composition.PlainTextObject;
import com.slack.api.model.block.element.CheckboxesElement;
import com.slack.api.model.block.element.PlainTextInputElement;
import com.slack.api.model.block.element.StaticSelectElement;
import com.slack.api.model.view.View;
import com.slack.api.model.view.ViewClose;
import com.slack.api.model.view.ViewState;
import com.slack.api.model.view.ViewSubmit;
import com.slack.api.model.view.ViewTitle;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.suggestionbox.events.Visibility;
import org.suggestionbox.intake.submission.IdeaDraft;
import org.suggestionbox.intake.submission.IdeaRules;

/**
 * The "Send as idea" modal: title, description, category, "submit anonymously" and who may see the idea, in the
 * person's language. Block ids are the idea's field names, so a rule broken by a field is shown
 * under that field ({@code response_action: errors}).
 */
final class IdeaModal {

    static final String CALLBACK_ID = "idea_modal";
    static final String TITLE = "title";
    static final String DESCRIPTION = "description";
    static final String CATEGORY = "category";
    static final String ANONYMOUS = "anonymous";
    static final String VISIBILITY = IdeaRules.VISIBILITY;
    static final String ACTION = "value";
    /** Slack's largest max_length of a plain-text input; the rules allow more. */
    static final int SLACK_INPUT_MAX = 3000;

    private IdeaModal() {}

    /** The modal's texts in the reader's language, by message code. */
    @FunctionalInterface
    interface Texts {

        String get(String code, Object... args);
    }

    static View of(IdeaDraft draft, List<String> categoryIds, Texts texts) {
        String category = draft.category() == null ? "other" : draft.category();
        List<OptionObject> categories = categoryIds.stream()
                .map(id -> option(texts.get("idea.category." + id), id))
                .toList();
        OptionObject selected = categories.stream()
                .filter(o -> o.getValue().equals(category))
                .findFirst()
                .orElse(categories.getFirst());
        List<OptionObject> visibilities = Arrays.stream(Visibility.values())
                .map(value -> option(texts.get("idea.visibility." + value.name()), value.name()))
                .toList();
        OptionObject chosen = visibilities.stream()
                .filter(o -> o.getValue().equals(draft.visibility()))
                .findFirst()
                .orElse(visibilities.get(Visibility.DEFAULT.ordinal()));
        List<LayoutBlock> blocks = List.of(
                InputBlock.builder()
                        .blockId(TITLE)
                        .label(text(texts.get("idea.field.title")))
                        .hint(text(texts.get("idea.field.title.hint", IdeaRules.TITLE_MIN, IdeaRules.TITLE_MAX)))
                        .element(PlainTextInputElement.builder()
                                .actionId(ACTION)
                                .initialValue(initial(draft.title(), IdeaRules.TITLE_MAX))
                                .maxLength(IdeaRules.TITLE_MAX)
                                .build())
                        .build(),
                InputBlock.builder()
                        .blockId(DESCRIPTION)
                        .label(text(texts.get("idea.field.description")))
                        .element(PlainTextInputElement.builder()
                                .actionId(ACTION)
                                .multiline(true)
                                .initialValue(initial(draft.description(), SLACK_INPUT_MAX))
                                .maxLength(SLACK_INPUT_MAX)
                                .build())
                        .build(),
                InputBlock.builder()
                        .blockId(CATEGORY)
                        .label(text(texts.get("idea.field.category")))
                        .hint(text(texts.get("idea.field.category.hint")))
                        .element(StaticSelectElement.builder()
                                .actionId(ACTION)
                                .options(categories)
                                .initialOption(selected)
                                .build())
                        .build(),
                // the hint goes on the block: an option's description may hold only 75 characters
                InputBlock.builder()
                        .blockId(ANONYMOUS)
                        .optional(true)
                        .label(text(texts.get("idea.field.anonymous")))
                        .hint(text(texts.get("idea.field.anonymous.hint")))
                        .element(CheckboxesElement.builder()
                                .actionId(ACTION)
                                .options(List.of(option(texts.get("idea.field.anonymous"), ANONYMOUS)))
                                .build())
                        .build(),
                InputBlock.builder()
                        .blockId(VISIBILITY)
                        .label(text(texts.get("idea.field.visibility")))
                        .hint(text(texts.get("idea.field.visibility.hint")))
                        .element(StaticSelectElement.builder()
                                .actionId(ACTION)
                                .options(visibilities)
                                .initialOption(chosen)
                                .build())
                        .build());
        return View.builder()
                .type("modal")
                .callbackId(CALLBACK_ID)
                .title(ViewTitle.builder()
                        .type("plain_text")
                        .text(texts.get("slack.modal.title"))
                        .build())
                .submit(ViewSubmit.builder()
                        .type("plain_text")
                        .text(texts.get("slack.modal.submit"))
                        .build())
                .close(ViewClose.builder()
                        .type("plain_text")
                        .text(texts.get("slack.modal.close"))
                        .build())
                .blocks(blocks)
                .build();
    }

    /** What the person entered in the submitted modal. */
    static IdeaDraft read(@Nullable ViewState state) {
        Map<String, Map<String, ViewState.Value>> values =
                state == null || state.getValues() == null ? Map.of() : state.getValues();
        Optional<ViewState.Value> title = value(values, TITLE);
        Optional<ViewState.Value> description = value(values, DESCRIPTION);
        Optional<ViewState.Value> category = value(values, CATEGORY);
        boolean anonymous = value(values, ANONYMOUS)
                .map(ViewState.Value::getSelectedOptions)
                .map(options -> options.stream().anyMatch(o -> ANONYMOUS.equals(o.getValue())))
                .orElse(false);
        return new IdeaDraft(
                title.map(ViewState.Value::getValue).orElse(null),
                description.map(ViewState.Value::getValue).orElse(null),
                category.map(ViewState.Value::getSelectedOption)
                        .map(ViewState.SelectedOption::getValue)
                        .orElse(null),
                anonymous,
                null,
                value(values, VISIBILITY)
                        .map(ViewState.Value::getSelectedOption)
                        .map(ViewState.SelectedOption::getValue)
                        .orElse(null));
    }

    private static Optional<ViewState.Value> value(Map<String, Map<String, ViewState.Value>> values, String block) {
        return Optional.ofNullable(values.get(block)).map(actions -> actions.get(ACTION));
    }

    private static @Nullable String initial(@Nullable String text, int max) {
        if (text == null || text.isBlank()) {
            return null;
        }
        return text.codePointCount(0, text.length()) <= max ? text : text.substring(0, text.offsetByCodePoints(0, max));
    }

    private static OptionObject option(String label, String value) {
        return OptionObject.builder().text(text(label)).value(value).build();
    }

    private static PlainTextObject text(String text) {
        return PlainTextObject.builder().text(text).emoji(true).build();
    }
}
