// What the generic secret walker needs to know about each grammar, as data. Node type names were
// read off parsed samples of each grammar (see notes/generic.md); one shared walker uses them.
import type { TreeLanguage } from '../../lang/languages';

/** Where a binding node keeps its name and its value. */
export interface BindingSpec {
  /** Field holding the name; without it, the first named child that is not in `skip`. */
  name?: string;
  /** Field holding the value; without it, the last named child (when that is not the name). */
  value?: string;
  /** Anonymous child the node must have to count (`=` in a Kotlin named argument). */
  requires?: string;
}

export interface CallSpec {
  /** Field holding the callee; without it, the first named child. */
  callee?: string;
  /** Field holding the receiver when the callee field is only the method name (Java, Ruby, PHP). */
  receiver?: string;
  /** Field holding the argument list; without it, the first child of one of `argumentLists`' types. */
  args?: string;
}

export interface LanguageProfile {
  /** Literal string nodes. */
  strings: ReadonlySet<string>;
  /** Children a literal string may have; any other named child (an interpolation) makes it dynamic. */
  stringParts: ReadonlySet<string>;
  /** Interpolations that keep a string literal when what they hold is one: `${'abc'}` in a template. */
  substitutions?: ReadonlySet<string>;
  /** Bindings whose name holds blanks carry several `name=value` pairs (Ansible inventory host lines). */
  inlinePairs?: boolean;
  /** Nodes whose whole text is a literal value: YAML plain scalars, shell words, INI and .properties values. */
  plainValues?: ReadonlySet<string>;
  bindings: Readonly<Record<string, BindingSpec>>;
  /** Named children skipped when looking for a positional name (modifiers, annotations). */
  skip?: ReadonlySet<string>;
  /** Nodes around a name that keep the inner name: `literal_element`, `flow_node`, `$name`. */
  nameWrappers: ReadonlySet<string>;
  /** Nodes whose whole text is the name once climbed into: TOML dotted keys, .properties keys. */
  dottedNames?: ReadonlySet<string>;
  /** Member and index accesses: the name is their last named child (`this.password`, `cfg["token"]`). */
  members: ReadonlySet<string>;
  /** Nodes around a value that keep it literal: parentheses, `as const`, YAML flow nodes. */
  valueWrappers: ReadonlySet<string>;
  /** Binary expressions; a concatenation when their operator is in `concatOperators`. */
  binaries: ReadonlySet<string>;
  concatOperators: ReadonlySet<string>;
  /** Adjacent string literals that the language joins (`'a' 'b'` in Python). */
  implicitConcat?: ReadonlySet<string>;
  /** Lists that pair names with values by position (`a, b := "x", "y"`). */
  lists?: ReadonlySet<string>;
  calls: Readonly<Record<string, CallSpec>>;
  argumentLists: ReadonlySet<string>;
  /** Wrappers around one argument (`argument` in C# and PHP, `value_argument` in Kotlin). */
  argumentWrappers?: ReadonlySet<string>;
  /** Tuples and arrays (`auth=("user", "pass")`). */
  sequences: ReadonlySet<string>;
  /** Wrappers around one sequence element. */
  elementWrappers?: ReadonlySet<string>;
  /** Binary or conditional nodes that give a fallback (`a || "x"`, `a ?: "x"`), with their operators. */
  fallbacks?: ReadonlySet<string>;
  fallbackOperators?: ReadonlySet<string>;
  /** Blocks whose label names a variable and whose attribute holds its default (Terraform `variable "x" { default = … }`). */
  labelledDefaults?: { block: string; keyword: string; body: string; attribute: string };
}

const set = (...items: string[]): ReadonlySet<string> => new Set(items);

const JS_LIKE: LanguageProfile = {
  strings: set('string', 'template_string'),
  stringParts: set('string_fragment', 'escape_sequence'),
  substitutions: set('template_substitution'),
  bindings: {
    variable_declarator: { name: 'name', value: 'value' },
    assignment_expression: { name: 'left', value: 'right' },
    pair: { name: 'key', value: 'value' },
    field_definition: { name: 'property', value: 'value' },
    public_field_definition: { name: 'name', value: 'value' },
    assignment_pattern: { name: 'left', value: 'right' },
    object_assignment_pattern: { name: 'left', value: 'right' },
    required_parameter: { name: 'pattern', value: 'value' },
    optional_parameter: { name: 'pattern', value: 'value' },
    enum_assignment: { name: 'name', value: 'value' },
    jsx_attribute: {},
  },
  nameWrappers: set(),
  members: set('member_expression', 'subscript_expression'),
  valueWrappers: set('parenthesized_expression', 'as_expression', 'satisfies_expression', 'non_null_expression', 'jsx_expression'),
  binaries: set('binary_expression'),
  concatOperators: set('+'),
  calls: {
    call_expression: { callee: 'function', args: 'arguments' },
    new_expression: { callee: 'constructor', args: 'arguments' },
  },
  argumentLists: set('arguments'),
  sequences: set('array'),
  fallbacks: set('binary_expression'),
  fallbackOperators: set('||', '??'),
};

const PYTHON: LanguageProfile = {
  strings: set('string'),
  stringParts: set('string_start', 'string_content', 'string_end', 'escape_sequence'),
  bindings: {
    assignment: { name: 'left', value: 'right' },
    keyword_argument: { name: 'name', value: 'value' },
    pair: { name: 'key', value: 'value' },
    default_parameter: { name: 'name', value: 'value' },
    typed_default_parameter: { name: 'name', value: 'value' },
  },
  nameWrappers: set(),
  members: set('attribute', 'subscript'),
  valueWrappers: set('parenthesized_expression'),
  binaries: set('binary_operator'),
  concatOperators: set('+'),
  implicitConcat: set('concatenated_string'),
  lists: set('pattern_list', 'expression_list', 'tuple_pattern'),
  calls: { call: { callee: 'function', args: 'arguments' } },
  argumentLists: set('argument_list'),
  sequences: set('tuple', 'list'),
  fallbacks: set('boolean_operator'),
  fallbackOperators: set('or'),
};

const GO: LanguageProfile = {
  strings: set('interpreted_string_literal', 'raw_string_literal'),
  stringParts: set('interpreted_string_literal_content', 'raw_string_literal_content', 'escape_sequence'),
  bindings: {
    const_spec: { name: 'name', value: 'value' },
    var_spec: { name: 'name', value: 'value' },
    short_var_declaration: { name: 'left', value: 'right' },
    assignment_statement: { name: 'left', value: 'right' },
    keyed_element: { name: 'key', value: 'value' },
  },
  nameWrappers: set('literal_element'),
  members: set('selector_expression', 'index_expression'),
  valueWrappers: set('literal_element', 'parenthesized_expression'),
  binaries: set('binary_expression'),
  concatOperators: set('+'),
  lists: set('expression_list'),
  calls: { call_expression: { callee: 'function', args: 'arguments' } },
  argumentLists: set('argument_list'),
  sequences: set('literal_value'),
  elementWrappers: set('literal_element'),
};

const JAVA: LanguageProfile = {
  strings: set('string_literal'),
  stringParts: set('string_fragment', 'multiline_string_fragment', 'escape_sequence'),
  bindings: {
    variable_declarator: { name: 'name', value: 'value' },
    assignment_expression: { name: 'left', value: 'right' },
    element_value_pair: { name: 'key', value: 'value' },
  },
  nameWrappers: set(),
  members: set('field_access'),
  valueWrappers: set('parenthesized_expression'),
  binaries: set('binary_expression'),
  concatOperators: set('+'),
  calls: {
    method_invocation: { callee: 'name', receiver: 'object', args: 'arguments' },
    object_creation_expression: { callee: 'type', args: 'arguments' },
  },
  argumentLists: set('argument_list'),
  sequences: set('array_initializer'),
};

const CSHARP: LanguageProfile = {
  strings: set('string_literal', 'verbatim_string_literal', 'raw_string_literal'),
  stringParts: set('string_literal_content', 'escape_sequence', 'raw_string_start', 'raw_string_content', 'raw_string_end'),
  bindings: {
    variable_declarator: { name: 'name' },
    assignment_expression: { name: 'left', value: 'right' },
    property_declaration: { name: 'name', value: 'value' },
    argument: { name: 'name' },
    attribute_argument: { name: 'name' },
  },
  nameWrappers: set('argument', 'bracketed_argument_list'),
  members: set('member_access_expression', 'element_access_expression'),
  valueWrappers: set('parenthesized_expression'),
  binaries: set('binary_expression'),
  concatOperators: set('+'),
  calls: {
    invocation_expression: { callee: 'function', args: 'arguments' },
    object_creation_expression: { callee: 'type', args: 'arguments' },
  },
  argumentLists: set('argument_list'),
  argumentWrappers: set('argument'),
  sequences: set('initializer_expression', 'collection_expression'),
  fallbacks: set('binary_expression'),
  fallbackOperators: set('??'),
};

const RUBY: LanguageProfile = {
  strings: set('string'),
  stringParts: set('string_content', 'escape_sequence'),
  bindings: {
    assignment: { name: 'left', value: 'right' },
    pair: { name: 'key', value: 'value' },
  },
  nameWrappers: set(),
  members: set('call', 'element_reference'),
  valueWrappers: set('parenthesized_statements'),
  binaries: set('binary'),
  concatOperators: set('+'),
  implicitConcat: set('chained_string'),
  calls: { call: { callee: 'method', receiver: 'receiver', args: 'arguments' } },
  argumentLists: set('argument_list'),
  sequences: set('array'),
  fallbacks: set('binary'),
  fallbackOperators: set('||'),
};

const PHP: LanguageProfile = {
  strings: set('string', 'encapsed_string'),
  stringParts: set('string_content', 'escape_sequence'),
  bindings: {
    assignment_expression: { name: 'left', value: 'right' },
    array_element_initializer: { requires: '=>' },
    const_element: {},
    property_element: { name: 'name', value: 'default_value' },
    argument: { name: 'name' },
  },
  nameWrappers: set('variable_name'),
  members: set('member_access_expression', 'subscript_expression'),
  valueWrappers: set('parenthesized_expression'),
  binaries: set('binary_expression'),
  concatOperators: set('.'),
  calls: {
    function_call_expression: { callee: 'function', args: 'arguments' },
    member_call_expression: { callee: 'name', receiver: 'object', args: 'arguments' },
    scoped_call_expression: { callee: 'name', receiver: 'scope', args: 'arguments' },
    object_creation_expression: {},
  },
  argumentLists: set('arguments'),
  argumentWrappers: set('argument'),
  sequences: set('array_creation_expression'),
  elementWrappers: set('array_element_initializer'),
  fallbacks: set('binary_expression', 'conditional_expression'),
  fallbackOperators: set('??', '?:', '?', 'or'),
};

const RUST: LanguageProfile = {
  strings: set('string_literal', 'raw_string_literal'),
  stringParts: set('string_content', 'escape_sequence'),
  bindings: {
    let_declaration: { name: 'pattern', value: 'value' },
    const_item: { name: 'name', value: 'value' },
    static_item: { name: 'name', value: 'value' },
    field_initializer: { name: 'field', value: 'value' },
    assignment_expression: { name: 'left', value: 'right' },
  },
  nameWrappers: set(),
  members: set('field_expression'),
  valueWrappers: set('parenthesized_expression', 'reference_expression'),
  binaries: set('binary_expression'),
  concatOperators: set('+'),
  calls: { call_expression: { callee: 'function', args: 'arguments' } },
  argumentLists: set('arguments'),
  sequences: set('tuple_expression', 'array_expression'),
};

const BASH: LanguageProfile = {
  strings: set('string', 'raw_string'),
  stringParts: set('string_content'),
  plainValues: set('word'),
  bindings: { variable_assignment: { name: 'name', value: 'value' } },
  nameWrappers: set(),
  members: set(),
  valueWrappers: set(),
  binaries: set(),
  concatOperators: set(),
  calls: {},
  argumentLists: set(),
  sequences: set(),
};

const JSON_PROFILE: LanguageProfile = {
  strings: set('string'),
  stringParts: set('string_content', 'escape_sequence'),
  bindings: { pair: { name: 'key', value: 'value' } },
  nameWrappers: set(),
  members: set(),
  valueWrappers: set(),
  binaries: set(),
  concatOperators: set(),
  calls: {},
  argumentLists: set(),
  sequences: set('array'),
};

const YAML: LanguageProfile = {
  strings: set('double_quote_scalar', 'single_quote_scalar'),
  stringParts: set('escape_sequence'),
  plainValues: set('string_scalar'),
  bindings: {
    block_mapping_pair: { name: 'key', value: 'value' },
    flow_pair: { name: 'key', value: 'value' },
  },
  nameWrappers: set('flow_node', 'plain_scalar'),
  members: set(),
  valueWrappers: set('flow_node', 'plain_scalar'),
  binaries: set(),
  concatOperators: set(),
  calls: {},
  argumentLists: set(),
  sequences: set('block_sequence', 'flow_sequence'),
  elementWrappers: set('block_sequence_item', 'flow_node'),
};

const HCL: LanguageProfile = {
  strings: set('string_lit', 'quoted_template'),
  stringParts: set('quoted_template_start', 'template_literal', 'quoted_template_end'),
  bindings: {
    attribute: {},
    object_elem: { name: 'key', value: 'val' },
  },
  nameWrappers: set('expression', 'variable_expr', 'literal_value'),
  members: set(),
  valueWrappers: set('expression', 'literal_value', 'template_expr', 'collection_value'),
  binaries: set(),
  concatOperators: set(),
  calls: {},
  argumentLists: set(),
  sequences: set('tuple'),
  labelledDefaults: { block: 'block', keyword: 'variable', body: 'body', attribute: 'default' },
};

const TOML: LanguageProfile = {
  strings: set('string'),
  stringParts: set('escape_sequence'),
  bindings: { pair: {} },
  nameWrappers: set('quoted_key'),
  dottedNames: set('dotted_key'),
  members: set(),
  valueWrappers: set(),
  binaries: set(),
  concatOperators: set(),
  calls: {},
  argumentLists: set(),
  sequences: set('array'),
};

const INI: LanguageProfile = {
  strings: set(),
  stringParts: set(),
  plainValues: set('setting_value'),
  bindings: { setting: {} },
  inlinePairs: true,
  nameWrappers: set(),
  members: set(),
  valueWrappers: set(),
  binaries: set(),
  concatOperators: set(),
  calls: {},
  argumentLists: set(),
  sequences: set(),
};

const PROPERTIES: LanguageProfile = {
  strings: set(),
  stringParts: set(),
  plainValues: set('value'),
  bindings: { property: {} },
  nameWrappers: set(),
  dottedNames: set('key'),
  members: set(),
  valueWrappers: set(),
  binaries: set(),
  concatOperators: set(),
  calls: {},
  argumentLists: set(),
  sequences: set(),
};

const KOTLIN: LanguageProfile = {
  strings: set('string_literal'),
  stringParts: set('string_content', 'escape_sequence', 'character_escape_seq'),
  bindings: {
    property_declaration: {},
    assignment: {},
    value_argument: { requires: '=' },
  },
  skip: set('modifiers', 'binding_pattern_kind', 'annotation'),
  nameWrappers: set('variable_declaration', 'directly_assignable_expression'),
  members: set('navigation_suffix', 'directly_assignable_expression', 'navigation_expression'),
  valueWrappers: set('parenthesized_expression'),
  binaries: set('additive_expression'),
  concatOperators: set('+'),
  calls: { call_expression: {} },
  argumentLists: set('call_suffix', 'value_arguments'),
  argumentWrappers: set('value_argument'),
  sequences: set(),
  fallbacks: set('elvis_expression'),
  fallbackOperators: set('?:'),
};

export const PROFILES: Readonly<Record<TreeLanguage, LanguageProfile>> = {
  javascript: JS_LIKE,
  typescript: JS_LIKE,
  tsx: JS_LIKE,
  python: PYTHON,
  go: GO,
  java: JAVA,
  csharp: CSHARP,
  ruby: RUBY,
  php: PHP,
  rust: RUST,
  bash: BASH,
  json: JSON_PROFILE,
  yaml: YAML,
  hcl: HCL,
  toml: TOML,
  ini: INI,
  properties: PROPERTIES,
  kotlin: KOTLIN,
};
