"""Checks across items and files, run after every file validated on its own: references, the
flowchart graph, the brand and its overlay, the figures. Each returns located errors; none
raises, so an editor sees every problem at once."""
