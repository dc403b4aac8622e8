"""A deterministic demo catalogue of Danish learning places and teaching offers (`manage.py seed_demo`).

generate builds it in memory from a seed (places, profiles, topics and texts hold the vocabulary);
store writes it with bulk inserts.
"""
