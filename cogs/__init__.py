"""Thin slash-command adapters: parse the interaction, ask bot/, send what bot/render made."""
