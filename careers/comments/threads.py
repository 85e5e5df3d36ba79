"""Threaded display built in Python from one flat, oldest-first list of comments."""

from dataclasses import dataclass, field


@dataclass
class Node:
    comment: object
    level: int = 1
    children: list = field(default_factory=list)
    held: bool = False
    can_reply: bool = False


def build_threads(comments, *, held=None, max_depth=5):
    """Top-level nodes, each with its replies nested (oldest first at every level).

    A reply whose parent is not in ``comments`` (the parent was removed or is held) is shown
    at the top level rather than hidden: it was approved. ``held`` (the visitor's own comment
    awaiting moderation) is placed where it will appear once approved. "Yanıtla" is offered
    on approved comments above ``max_depth``.
    """
    nodes = {c.pk: Node(c) for c in comments}
    if held is not None and held.pk not in nodes:
        nodes[held.pk] = Node(held, held=True)
    roots = []
    for node in nodes.values():  # dicts keep insertion order: oldest first, held last
        parent = nodes.get(node.comment.parent_id)
        if parent is None or parent is node:
            roots.append(node)
        else:
            parent.children.append(node)
    stack = [(node, 1) for node in reversed(roots)]
    while stack:
        node, level = stack.pop()
        node.level = level
        node.can_reply = not node.held and level < max_depth
        stack.extend((child, level + 1) for child in reversed(node.children))
    return roots
