#pragma once
// HolisticBias v1.1 (Smith et al. 2022, facebookresearch/ResponsibleNLP) built from its folder
// (descriptors.json, nouns.json, standalone_noun_phrases.json, sentence_templates.json) as the dataset's
// own generator builds it: noun phrases are each noun alone ("a man"; axis "null"), each descriptor
// alone ("Deaf") and with every noun of a matching gender ("a Deaf woman" / "Deaf women"), and the
// standalone noun phrases (with every noun where they hold "{noun}"); every noun phrase fills every
// template, except that a phrase without a noun skips the templates marked "must_be_noun". The stylistic
// variants its sampler adds at random (no contraction, no hyphens, lowercase, no final period) are not
// applied. Order: JSON keys sorted, lists in file order, templates innermost.
#include <filesystem>
#include <vector>

#include "core/data/test-set-file.h"

namespace srllm::core {

// Every sentence, grouped "<axis>/<bucket>" ("null/(none)" for the nouns alone, "<axis>/(none)" for a
// standalone noun phrase, as in the dataset's own metadata). Throws InputError naming the file and field
// of a missing file or a malformed entry.
std::vector<TestSetEntry> holisticBiasSentences(const std::filesystem::path& folder);

}  // namespace srllm::core
