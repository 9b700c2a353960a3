package org.nnx.dsl.ast;

/** One line of a definition or of a model block. */
public sealed interface Statement extends Node permits Setting, ModelBlock, LayerChoice {}
