import type { CompiledThreatPack } from "../pack/threat";

/**
 * The pack's cue lists as regular expressions over lowercased text, built once. A cue list is a
 * list of phrases; "at end" patterns must sit right before the harm (a few filler words may stand
 * between: "I'll just", "should all be"), "anywhere" patterns anywhere in the text tested.
 */
export interface ThreatCues {
  intentEnd: RegExp;
  subjectlessIntent: RegExp;
  callEnd: RegExp;
  deserveEnd: RegExp;
  wish: RegExp;
  mayStart: RegExp;
  requestStart: RegExp;
  lets: RegExp;
  imperativeOnly: RegExp;
  negation: RegExp;
  negationExceptions: RegExp;
  hypothetical: RegExp;
  reporting: RegExp;
  story: RegExp;
  sports: RegExp;
  endorse: RegExp;
  condemn: RegExp;
  dyingIdiom: RegExp;
  idiomObject: RegExp;
  idiomAfterTarget: RegExp;
  onlyWay: RegExp;
  deserveNoun: RegExp;
  loosePrefixIntent: RegExp;
  /** A call a few words before a carried weapon: "someone needs to teach him a lesson with a bat". */
  looseCall: RegExp;
  /** Any word a modality could start with: sentences without one skip the analysis. */
  hint: RegExp;
  /** A harm foretold to the reader: "you'll", "you're going to" right before a passive or dying verb. */
  predictEnd: RegExp;
  /** Text before a harm word that leaves it opening a clause (an imperative). */
  clauseOpening: RegExp;
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/'/g, "['’]");
}

/** Longest first, so "going to" wins over "go". */
export function alternation(list: readonly string[]): string {
  return [...list].sort((a, b) => b.length - a.length).map(escape).join("|");
}

const B = "(?:^|[^\\w'’])";
const E = "(?=[^\\w'’]|$)";
/** Words that may stand between a modality and its harm: "I'll just", "should all be", "gonna go and". */
const FILL = "(?:\\s+(?:just|personally|literally|actually|really|gladly|happily|definitely|seriously|absolutely|fucking|bloody|go|and|come|then|finally|all|slowly|properly|so|simply|also|even|be|get|have|been|being|go and|herself|himself|myself|someday|one day|first|soon|quietly|publicly))*";

export function buildCues(pack: CompiledThreatPack): ThreatCues {
  const p = pack.pack;
  const re = (body: string) => new RegExp(body, "i");
  return {
    intentEnd: re(`${B}(?:${alternation(p.intentSubjects)})\\s*(?:${alternation(p.intentAux)})${FILL}\\s*$`),
    subjectlessIntent: re(`^\\s*(?:gonna|going to|will|i'?ll)${FILL}\\s*$`),
    callEnd: re(`${B}(?:${alternation(p.callModals)})${FILL}\\s*$`),
    deserveEnd: re(`${B}(?:deserves?|deserved|earned)\\s+to${FILL}\\s*$`),
    wish: re(`${B}(?:${alternation(p.wishCues)})${E}`),
    mayStart: re(`^\\s*(?:and\\s+)?may${E}`),
    requestStart: re(`^\\s*(?:${alternation(p.requestStarts)})${E}`),
    lets: re(`${B}(?:let's|lets|let us)${E}`),
    imperativeOnly: re(`^(?:\\s*,?\\s*(?:${alternation(p.imperativeLeaders)})${E})*\\s*,?\\s*$`),
    negation: re(`${B}(?:${alternation(p.negations)})${E}|n['’]t${E}`),
    negationExceptions: re(`${B}(?:${alternation(p.negationExceptions)})${E}`),
    hypothetical: re(`${B}(?:${alternation(p.hypotheticalCues)})${E}`),
    reporting: re(`${B}(?:${alternation(p.reportingVerbs)})${E}`),
    story: re(`${B}(?:${alternation(p.storyCues)})${E}`),
    sports: re(`${B}(?:${alternation(p.sportsGameCues)})${E}|\\b\\d+\\s*[-–]\\s*\\d+\\b`),
    endorse: re(`${B}(?:${alternation(p.endorsementAfter)})${E}|^\\s*good[.!,]`),
    condemn: re(`${B}(?:${alternation(p.condemnCues)})${E}`),
    dyingIdiom: re(`^\\s*(?:${alternation(p.dyingIdioms)})${E}`),
    idiomObject: re(`^\\s*(?:${alternation(p.idiomObjects)})${E}`),
    idiomAfterTarget: re(`^\\s*(?:${alternation(p.idiomAfterTarget)})${E}`),
    onlyWay: re(`${B}(?:only|best|real|final|one true|right)\\s+(?:[\\w'’"“”]+\\s+){0,2}["“”']?(?:way|solution|answer|cure|response|treatment|language|option|fix|thing)["“”']?(?:[^.!?]{0,60}?)\\s(?:is|are|was)\\s+(?:to\\s+)?(?:a\\s+|the\\s+)?$`),
    deserveNoun: re(`${B}(?:deserves?|deserved|needs?|needed|earned|should get|ought to get|is getting|wants?)\\s+(?:a|an|the|one|some)?\\s*(?:good|proper|real|right|swift|long|slow|quick|bit of a)?\\s*$`),
    // "someone's getting their fingers broken": harm foretold to a third party by an unnamed someone is menace too.
    predictEnd: re(`${B}(?:(?:you|u|ya|your \\w+)\\s*(?:'ll|will|are going to|'re going to|re going to|are gonna|'re gonna|re gonna|gonna|'re getting|are getting)|(?:someone|somebody)\\s*(?:'s going to|is going to|'s gonna|is gonna|'s getting|is getting|'ll|will))${FILL}\\s*$`),
    hint: re(`${B}(?:i|we|gonna|going to|shall|should|must|need|needs|ought|gotta|got to|have to|has to|better|let's|lets|hope|hoping|hopefully|wish|pray|praying|may|deserve|deserves|deserved|earned|want|wants|wanna|love|can't wait|cant wait|someone|somebody|anyone|why|please|give|gave|whoever|you're|ur|who|me|let|like|love|would|could|wait|till|until|someone['’]s|somebody['’]s)${E}|['’](?:ll|d)${E}|(?:he|she|they|you|i|we|someone|somebody|people|it)\\s+will${E}|will\\s+(?:be|get)${E}|i'|we'`),
    clauseOpening: re(`(?:^|[,;:!?—–(]|\\band|\\bthen|\\bor)(?:\\s*,?\\s*(?:${alternation(p.imperativeLeaders)})${E})*\\s*,?\\s*$`),
    looseCall: re(`${B}(?:${alternation(p.callModals)})(?:\\s+[\\w'’]+){0,8}\\s*$`),
    loosePrefixIntent: re(`${B}(?:${alternation(p.intentSubjects)})\\s*(?:${alternation(p.intentAux)})(?:\\s+[\\w'’]+){0,8}\\s*$`),
  };
}
