"""Named-entity recognition for texts without a register: corpus readers, features, model, training."""
