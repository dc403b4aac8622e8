"""Collaborations and partnerships between schools and learning places."""
