"""Teaching topics the demo catalogue is written from, grouped by tag (a provider profile lists tags)."""

from offers.demo.topics import culture, history, institutions, nature, society
from offers.demo.topics.base import Topic

TOPICS: tuple[Topic, ...] = (
    history.TOPICS + culture.TOPICS + nature.TOPICS + society.TOPICS + institutions.TOPICS
)


def topics_for(tags: tuple[str, ...]) -> tuple[Topic, ...]:
    """The topics carrying any of `tags`, in tag order then definition order."""
    return tuple(topic for tag in tags for topic in TOPICS if topic.tag == tag)


__all__ = ["TOPICS", "Topic", "topics_for"]
