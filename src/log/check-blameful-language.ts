import type { Finding, Section } from './types.js';

/** A phrase that puts a person, not a system, at the centre of a post-mortem. */
interface BlamePattern {
  pattern: RegExp;
  why: string;
}

// Words that start a sentence in capitals but are not people, so "because of Monday's load" is not blame.
const notPeople =
  '(?!(?:The|This|That|These|Those|It|Our|We|A|An|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Senin|Selasa|Rabu|Kamis|Jumat|Sabtu|Minggu)\\b)';
const person = `${notPeople}[A-Z][a-z]+(?:\\s[A-Z][a-z]+)?`;

/** Phrases per language; English ones are checked in every section, since logs mix languages. */
const patterns: Record<string, BlamePattern[]> = {
  en: [
    { pattern: /\bhuman error\b/i, why: '"human error" stops the analysis at a person' },
    { pattern: /\b(?:the )?fault of\b/i, why: 'it assigns fault' },
    { pattern: /\b(?:is|was|are|were) (?:to blame|at fault)\b/i, why: 'it assigns blame' },
    { pattern: /\bblam(?:e|ed|es|ing)\b/i, why: 'it assigns blame' },
    { pattern: /\b(?:careless(?:ness|ly)?|negligen(?:t|ce)|incompeten(?:t|ce)|sloppy|lazy)\b/i, why: 'it judges a person' },
    { pattern: /\bshould have known\b/i, why: 'hindsight judges a person' },
    {
      pattern: new RegExp(
        `\\b(?:caused by|because of|due to) ${person}(?:'s)?\\b(?! (?:server|service|system|cluster|database|team|pipeline|job|release))`,
      ),
      why: 'it names a person as the cause',
    },
    { pattern: new RegExp(`\\b${person}'s (?:mistake|error|fault|oversight)\\b`), why: 'it names a person as the cause' },
  ],
  id: [
    { pattern: /\bkesalahan manusia\b/i, why: '"kesalahan manusia" berhenti pada orang, bukan sistem' },
    { pattern: /\b(?:kelalaian|lalai|ceroboh|teledor|sembrono)\b/i, why: 'menilai orang' },
    { pattern: /\b(?:di)?salahkan\b|\bmenyalahkan\b|\bbiang keladi\b/i, why: 'mencari siapa yang salah' },
    {
      pattern: new RegExp(
        `\\b(?:kesalahan|salah|gara-gara|akibat ulah|ulah)\\s+(?:dari\\s+)?(?:(?:pak|bu|mas|mbak|bapak|ibu|saudara|si)\\s+)?${person}\\b`,
      ),
      why: 'menyebut orang sebagai penyebab',
    },
    { pattern: /\bkesalahan (?:pak|bu|mas|mbak|bapak|ibu|si)\b/i, why: 'menyebut orang sebagai penyebab' },
  ],
};

const expected: Record<string, string> = {
  en: 'blameless wording that names the condition or process, e.g. "the runbook had no check for ..."',
  id: 'kalimat tanpa menyalahkan yang menyebut kondisi atau prosesnya, mis. "runbook belum memuat pengecekan ..."',
};

/**
 * Warns on blameful language in the body (a person named as the cause, "fault of", "human error"
 * as a root cause...), in English and Indonesian, in the spirit of blameless post-mortems.
 */
export function checkBlamefulLanguage(sections: readonly Section[], file: string): Finding[] {
  const findings: Finding[] = [];
  for (const section of sections) {
    for (const [lang, text] of Object.entries(section.text)) {
      const lines = text.markdown.split('\n');
      const checks = lang === 'en' ? patterns.en : [...(patterns[lang] ?? []), ...(patterns.en ?? [])];
      let inCode = false;
      lines.forEach((line, index) => {
        if (/^\s*(```|~~~)/.test(line)) inCode = !inCode;
        if (inCode) return;
        for (const { pattern, why } of checks ?? []) {
          const match = pattern.exec(line);
          if (!match) continue;
          const own = patterns[lang]?.some((p) => p.pattern === pattern) ? lang : 'en';
          findings.push({
            file,
            line: text.markdownLine + index,
            column: match.index + 1,
            severity: 'warning',
            rule: 'blameless/language',
            message: `found "${match[0]}" in "${text.heading || section.key}": ${why}; expected ${expected[own] ?? expected.en}`,
          });
          break;
        }
      });
    }
  }
  return findings;
}
