#include "core/data/holistic-bias.h"

#include <nlohmann/json.hpp>

#include "core/common/input-file.h"

namespace srllm::core {

namespace {

constexpr const char* kNone = "(none)";  // the dataset's NONE_STRING

struct NounPhrase {
    std::string group, singular, plural;
    bool hasNoun = false;
};

struct Noun {
    std::string gender, singular, plural;
};

std::string article(const std::string& word) {
    return !word.empty() && std::string("aeiouAEIOU").find(word[0]) != std::string::npos ? "an" : "a";
}

std::string replaceAll(std::string text, const std::string& from, const std::string& to) {
    for (size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size())) text.replace(at, from.size(), to);
    return text;
}

std::string requireString(const nlohmann::json& value, const std::string& file, const std::string& field) {
    if (!value.is_string()) throw InputError(file, 0, field, "expected text, found " + std::string(value.type_name()));
    return value.get<std::string>();
}

nlohmann::json readObject(const std::filesystem::path& folder, const char* name) {
    auto root = readJsonFile(folder / name);
    if (!root.is_object()) throw InputError((folder / name).string(), 0, "", "expected a JSON object (HolisticBias v1.1 layout)");
    return root;
}

std::vector<Noun> readNouns(const std::filesystem::path& folder) {
    const std::string file = (folder / "nouns.json").string();
    std::vector<Noun> nouns;
    const auto root = readObject(folder, "nouns.json");  // named: a temporary would die before the loop
    for (const auto& [gender, pairs] : root.items()) {
        if (!pairs.is_array()) throw InputError(file, 0, gender, "expected a list of [singular, plural] pairs");
        for (const auto& pair : pairs) {
            if (!pair.is_array() || pair.size() != 2) throw InputError(file, 0, gender, "expected a [singular, plural] pair");
            nouns.push_back({gender, requireString(pair[0], file, gender), requireString(pair[1], file, gender)});
        }
    }
    return nouns;
}

void addDescriptors(const std::filesystem::path& folder, const std::vector<Noun>& nouns, std::vector<NounPhrase>& out) {
    const std::string file = (folder / "descriptors.json").string();
    const auto root = readObject(folder, "descriptors.json");
    for (const auto& [axis, buckets] : root.items()) {
        if (!buckets.is_object()) throw InputError(file, 0, axis, "expected an object of buckets");
        for (const auto& [bucket, descriptors] : buckets.items()) {
            const std::string field = axis + "/" + bucket, group = field;
            if (!descriptors.is_array()) throw InputError(file, 0, field, "expected a list of descriptors");
            for (const auto& entry : descriptors) {
                const auto object = entry.is_object() ? entry : nlohmann::json{{"descriptor", entry}};
                const std::string descriptor = requireString(object.value("descriptor", nlohmann::json()), file, field);
                const std::string gender = object.contains("gender") ? requireString(object["gender"], file, field) : "";
                const std::string a = object.contains("article") ? requireString(object["article"], file, field) : article(descriptor);
                out.push_back({group, descriptor, descriptor, false});
                for (const auto& noun : nouns)
                    if (gender.empty() || gender == noun.gender)
                        out.push_back({group, a + " " + descriptor + " " + noun.singular, descriptor + " " + noun.plural, true});
            }
        }
    }
}

void addStandalone(const std::filesystem::path& folder, const std::vector<Noun>& nouns, std::vector<NounPhrase>& out) {
    const std::string file = (folder / "standalone_noun_phrases.json").string();
    const auto root = readObject(folder, "standalone_noun_phrases.json");
    for (const auto& [axis, phrases] : root.items()) {
        if (!phrases.is_array()) throw InputError(file, 0, axis, "expected a list of noun phrases");
        const std::string group = axis + "/" + kNone;
        for (const auto& entry : phrases) {
            const auto object = entry.is_object() ? entry : nlohmann::json{{"noun_phrase", entry}};
            const std::string singular = requireString(object.value("noun_phrase", nlohmann::json()), file, axis);
            const std::string plural = object.contains("plural_noun_phrase") ? requireString(object["plural_noun_phrase"], file, axis) : singular;
            if (singular.find("{noun}") == std::string::npos) {
                out.push_back({group, singular, plural, false});
                continue;
            }
            // The plural takes no article: "{article} {noun} who use wheelchairs" -> "people who use wheelchairs".
            for (const auto& noun : nouns) {
                std::string pluralText = replaceAll(replaceAll(plural, "{article}", ""), "{noun}", noun.plural);
                pluralText.erase(0, pluralText.find_first_not_of(' '));
                out.push_back({group, replaceAll(replaceAll(singular, "{article}", article(noun.singular)), "{noun}", noun.singular),
                               pluralText, true});
            }
        }
    }
}

}  // namespace

std::vector<TestSetEntry> holisticBiasSentences(const std::filesystem::path& folder) {
    const auto nouns = readNouns(folder);
    std::vector<NounPhrase> phrases;
    for (const auto& noun : nouns)
        phrases.push_back({std::string("null/") + kNone, article(noun.singular) + " " + noun.singular, noun.plural, true});
    addDescriptors(folder, nouns, phrases);
    addStandalone(folder, nouns, phrases);
    const std::string file = (folder / "sentence_templates.json").string();
    const auto templates = readObject(folder, "sentence_templates.json");
    std::vector<TestSetEntry> out;
    for (const auto& phrase : phrases)
        for (const auto& [text, spec] : templates.items()) {
            if (!spec.is_object()) throw InputError(file, 0, text, "expected an object of template settings");
            const auto mustBeNoun = spec.value("must_be_noun", nlohmann::json(false));
            if (!mustBeNoun.is_boolean()) throw InputError(file, 0, text + ".must_be_noun", "expected true or false");
            if (!phrase.hasNoun && mustBeNoun.get<bool>()) continue;
            std::string sentence;
            if (text.find("{plural_noun_phrase}") != std::string::npos) sentence = replaceAll(text, "{plural_noun_phrase}", phrase.plural);
            else if (text.find("{noun_phrase}") != std::string::npos) sentence = replaceAll(text, "{noun_phrase}", phrase.singular);
            else throw InputError(file, 0, text, "holds neither {noun_phrase} nor {plural_noun_phrase}");
            out.push_back({std::move(sentence), {}, phrase.group});
        }
    return out;
}

}  // namespace srllm::core
