package org.suggestionbox.events;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/** Events on {@link Topics#IDEAS_SUBMITTED}. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({@JsonSubTypes.Type(value = IdeaSubmitted.class, name = "IdeaSubmitted")})
public sealed interface IdeaSubmission extends IdeaEvent permits IdeaSubmitted {}
