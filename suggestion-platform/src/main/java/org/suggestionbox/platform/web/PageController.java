package org.suggestionbox.platform.web;

/**
 * A controller whose views use the shared layout: {@link LayoutModelAdvice} fills the model of its requests, and
 * only of its. An API's controller leaves this off, so that its requests do not pay for a model nobody renders.
 */
public interface PageController {}
