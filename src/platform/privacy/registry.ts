// The personal-data registry (the "privacy provider" pattern of Moodle's Privacy API):
// every table of ours is listed here, with whether it holds personal data, how a
// person's rows are found, how they are exported and how they are erased.
// registry.test.ts fails when a table in src/db/schema.ts (or in the database) is
// missing here, when a listed column does not exist, or when a claimed cascade has
// no ON DELETE CASCADE foreign key behind it.
//
// Table and column names are plain strings on purpose: the platform does not import features.

/** How the rows of one person are found. */
export type Subject =
  /** Rows whose `column` holds the person's users.id (or, with `orEmail`, whose `orEmail` column holds their address: bookings made without an account). */
  | { by: 'user'; column: string; orEmail?: string }
  /** Rows whose `column` holds the person's e-mail address (compare case-insensitively). */
  | { by: 'email'; column: string }
  /** Rows reached through another table (`through`), e.g. a company through entrepreneur_profiles.company_id. */
  | { by: 'join'; through: string; column: string }
  /** Rows not tied to an account (e.g. counters keyed by an IP address). */
  | { by: 'unlinked'; reason: string };

/**
 * - `row`: the person's rows go into their export (minus `omit` columns).
 * - `none`: not exported (secrets or short-lived technical rows); `reason` says why.
 */
export type ExportRule = { export: 'row'; omit?: readonly string[] } | { export: 'none'; reason: string };

/**
 * - `delete`: the erasure deletes the person's rows explicitly.
 * - `cascade`: removed by ON DELETE CASCADE when a row of `from` is deleted.
 * - `anonymize`: the row stays (statistics, deduplication); `setNull` columns are set to NULL and
 *   `pseudonymize` columns get one random id per erasure (the funder's counts of people stay right,
 *   nothing leads back to the person).
 * - `expire`: deleted by itself within a short time; nothing to do.
 * - `retain`: kept on purpose; `reason` gives the legal basis.
 */
export type EraseRule =
  | { erase: 'delete'; when?: string }
  | { erase: 'cascade'; from: string }
  | { erase: 'anonymize'; setNull: readonly string[]; pseudonymize?: readonly string[] }
  | { erase: 'expire'; within: string }
  | { erase: 'retain'; reason: string };

export type PersonalDataTable = {
  table: string;
  personal: true;
  /** What it holds about a person, for the privacy notice and the export's README. */
  description: string;
  /** The columns that are personal data. */
  personalColumns: readonly string[];
  subject: Subject;
} & ExportRule &
  EraseRule;

export interface NonPersonalTable {
  table: string;
  personal: false;
  description: string;
}

export type RegistryEntry = PersonalDataTable | NonPersonalTable;

export const privacyRegistry: readonly RegistryEntry[] = [
  // accounts
  {
    table: 'users',
    personal: true,
    description: 'The account: name, e-mail, language, sign-in secrets.',
    personalColumns: ['email', 'name', 'locale', 'password_hash', 'totp_secret', 'email_verified_at', 'totp_enabled_at', 'created_at'],
    subject: { by: 'user', column: 'id' },
    export: 'row',
    omit: ['password_hash', 'totp_secret'],
    erase: 'delete',
    when: 'last: deleting the user cascades to sessions, codes, tokens, memberships and profiles',
  },
  {
    table: 'recovery_codes',
    personal: true,
    description: 'Hashes of the one-time recovery codes for two-factor sign-in.',
    personalColumns: ['user_id', 'code_hash', 'used_at'],
    subject: { by: 'user', column: 'user_id' },
    export: 'none',
    reason: 'sign-in secrets',
    erase: 'cascade',
    from: 'users',
  },
  {
    table: 'sessions',
    personal: true,
    description: 'Signed-in sessions: when, from which browser.',
    personalColumns: ['user_id', 'created_at', 'last_seen_at', 'user_agent'],
    subject: { by: 'user', column: 'user_id' },
    export: 'row',
    omit: ['id'],
    erase: 'cascade',
    from: 'users',
  },
  {
    table: 'verification_tokens',
    personal: true,
    description: 'Hashes of sign-in codes and e-mail links sent to the person.',
    personalColumns: ['user_id', 'token_hash', 'purpose', 'created_at'],
    subject: { by: 'user', column: 'user_id' },
    export: 'none',
    reason: 'sign-in secrets, valid for minutes',
    erase: 'cascade',
    from: 'users',
  },
  // organisations
  {
    table: 'organizations',
    personal: false,
    description: "The tenants: name, URL slug and the public page's contact (a shared mailbox, switchboard and address, published by a coordinator).",
  },
  { table: 'accessibility_statement', personal: false, description: "The accessibility statement's facts: status, dates, feedback channel and the supervising authority (installation-wide)." },
  {
    table: 'organization_municipalities',
    personal: false,
    description: 'The municipalities an organisation serves (preselects the organiser on the application form).',
  },
  {
    table: 'memberships',
    personal: true,
    description: 'Which organisations the person belongs to, in which role.',
    personalColumns: ['user_id', 'role', 'created_at'],
    subject: { by: 'user', column: 'user_id' },
    export: 'row',
    erase: 'cascade',
    from: 'users',
  },
  {
    table: 'invitations',
    personal: true,
    description: 'Invitations sent to the e-mail address, with the name given by the inviter.',
    personalColumns: ['email', 'name', 'role', 'invited_by', 'created_at', 'accepted_at'],
    subject: { by: 'email', column: 'email' },
    export: 'row',
    omit: ['token_hash'],
    erase: 'delete',
    when: 'rows sent to the address; invited_by of rows the person sent is set null by its foreign key',
  },
  // companies
  {
    table: 'companies',
    personal: true,
    description: "The entrepreneur's company: a sole trader's name and business ID identify the person.",
    personalColumns: ['name', 'business_id', 'sector', 'size', 'municipality'],
    subject: { by: 'join', through: 'entrepreneur_profiles', column: 'company_id' },
    export: 'row',
    erase: 'delete',
    when: 'no other entrepreneur profile refers to the company (delete the profile first)',
  },
  {
    table: 'entrepreneur_profiles',
    personal: true,
    description: "The entrepreneur's birth year, gender, phone and company in one organisation.",
    personalColumns: ['user_id', 'company_id', 'birth_year', 'gender', 'phone'],
    subject: { by: 'user', column: 'user_id' },
    export: 'row',
    erase: 'cascade',
    from: 'memberships',
  },
  // platform
  {
    table: 'audit_log',
    personal: true,
    description: 'Who changed what and when (user ids, no names or e-mail addresses).',
    personalColumns: ['actor_user_id', 'target_id', 'metadata'],
    subject: { by: 'user', column: 'actor_user_id' },
    export: 'row',
    erase: 'retain',
    reason: 'append-only accountability record (GDPR art. 5(2), 17(3)(b)); holds ids only, which point nowhere once the user is deleted',
  },
  {
    table: 'disclosure_releases',
    personal: true,
    description: 'Which sets of people were behind published figures (ids only, never shown), so that no later report reveals a person by difference.',
    personalColumns: ['members'],
    subject: { by: 'unlinked', reason: 'sets of ids across the installation, read only by the disclosure audit' },
    export: 'none',
    erase: 'retain',
    reason:
      'statistical disclosure control (GDPR art. 89(1)): not a record about the person, read only by the audit; erasing a member would open a one-person difference against an earlier release',
  },
  {
    table: 'dev_mailbox',
    personal: true,
    description: 'Mail kept instead of sent when no SMTP server is configured (demo and development only).',
    personalColumns: ['to', 'subject', 'text', 'html'],
    subject: { by: 'email', column: 'to' },
    export: 'none',
    reason: 'only exists in demo and development installations; may hold sign-in codes',
    erase: 'delete',
  },
  {
    table: 'sent_mail',
    personal: true,
    description: 'Which mail was handed to the SMTP server for the person (no contents).',
    personalColumns: ['user_id', 'message_id', 'sent_at'],
    subject: { by: 'user', column: 'user_id' },
    export: 'row',
    omit: ['job_id'],
    erase: 'anonymize',
    setNull: ['user_id', 'message_id'],
  },
  {
    table: 'rate_limit_buckets',
    personal: true,
    description: 'Attempt counters keyed by IP address or e-mail address.',
    personalColumns: ['key'],
    subject: { by: 'unlinked', reason: 'keys are a rule name plus an IP or e-mail address, not an account id' },
    export: 'none',
    reason: 'technical counters kept for one window',
    erase: 'expire',
    within: 'pruneRateLimits (src/platform/http/rate-limit.ts) drops windows older than a day',
  },
  // intake, groups and meetings
  {
    table: 'applications',
    personal: true,
    description: 'Applications to a group: contact details, company, what the applicant hopes for, the intake notes.',
    personalColumns: ['name', 'email', 'phone', 'company_name', 'business_id', 'birth_year', 'availability', 'hopes', 'contact_note', 'decline_message'],
    subject: { by: 'email', column: 'email' },
    export: 'row',
    erase: 'delete',
  },
  { table: 'groups', personal: false, description: 'Peer groups: name, status, format.' },
  {
    table: 'group_facilitators',
    personal: true,
    description: 'Which groups a person facilitates.',
    personalColumns: ['user_id'],
    subject: { by: 'user', column: 'user_id' },
    export: 'row',
    erase: 'delete',
  },
  { table: 'group_agreements', personal: false, description: "The versions of an organisation's group agreement." },
  {
    table: 'group_members',
    personal: true,
    description: 'Group membership, accepted agreement version and how the member is shown to others.',
    personalColumns: ['user_id', 'joined_at', 'left_at', 'agreement_accepted_at', 'photo_path'],
    subject: { by: 'user', column: 'user_id' },
    export: 'row',
    erase: 'delete',
  },
  { table: 'meeting_series', personal: false, description: 'Recurrence rules of meetings.' },
  { table: 'meetings', personal: false, description: 'Meetings: time, place or link, theme, published summary.' },
  { table: 'agenda_items', personal: false, description: 'Agenda items of meetings (an expert segment names its expert by id).' },
  {
    table: 'rsvps',
    personal: true,
    description: 'Coming or not to a meeting, with an optional reason.',
    personalColumns: ['user_id', 'response', 'reason'],
    subject: { by: 'user', column: 'user_id' },
    export: 'row',
    erase: 'delete',
  },
  {
    table: 'attendance',
    personal: true,
    description: 'Attendance register: present, late, absent or excused, and hours.',
    personalColumns: ['user_id', 'status', 'hours'],
    subject: { by: 'user', column: 'user_id' },
    export: 'row',
    // The funder's (ESF) monitoring counts participants and hours: the rows stay under a pseudonym.
    erase: 'anonymize',
    setNull: ['recorded_by'],
    pseudonymize: ['user_id'],
  },
  { table: 'live_meeting_states', personal: false, description: "The live meeting's agenda and round state (member ids only)." },
  {
    table: 'facilitator_notes',
    personal: true,
    description: "Facilitators' private notes on meetings.",
    personalColumns: ['author_user_id', 'text'],
    subject: { by: 'user', column: 'author_user_id' },
    export: 'row',
    erase: 'delete',
  },
  {
    table: 'calendar_feeds',
    personal: true,
    description: "The hash of a person's private calendar feed address.",
    personalColumns: ['user_id', 'token_hash'],
    subject: { by: 'user', column: 'user_id' },
    export: 'none',
    reason: 'a secret address',
    erase: 'delete',
  },
  {
    table: 'reminders_sent',
    personal: true,
    description: 'Which reminders were sent to whom (so none is sent twice).',
    personalColumns: ['user_id'],
    subject: { by: 'user', column: 'user_id' },
    export: 'none',
    reason: 'technical deduplication rows',
    erase: 'delete',
  },
  {
    table: 'steps',
    personal: true,
    description: "A member's small steps with status and reflection.",
    personalColumns: ['user_id', 'text', 'due_on', 'status', 'reflection'],
    subject: { by: 'user', column: 'user_id' },
    export: 'row',
    erase: 'delete',
  },
  // advice for one company (1:1 sessions)
  { table: 'advice_settings', personal: false, description: 'An organisation\'s slot length, buffer and notices for advice.' },
  {
    table: 'advice_availability',
    personal: true,
    description: 'When an advisor offers advice: weekly rules and single windows, remote link or place, topics.',
    personalColumns: ['advisor_user_id', 'online_url', 'place'],
    subject: { by: 'user', column: 'advisor_user_id' },
    export: 'row',
    erase: 'cascade',
    from: 'memberships',
  },
  {
    table: 'advice_leave',
    personal: true,
    description: 'An advisor\'s own leave days (they block advice slots).',
    personalColumns: ['advisor_user_id', 'starts_on', 'ends_on'],
    subject: { by: 'user', column: 'advisor_user_id' },
    export: 'row',
    erase: 'cascade',
    from: 'memberships',
  },
  {
    table: 'advice_sessions',
    personal: true,
    description: 'Advice sessions booked: who (an account, or a guest\'s name, e-mail, company and municipality from the public form), topic, time, attendance and the summary shared with the person. Unconfirmed public holds are deleted within a day.',
    personalColumns: ['user_id', 'guest_name', 'guest_email', 'guest_company_name', 'guest_business_id', 'guest_municipality', 'topic', 'attendance', 'summary'],
    subject: { by: 'user', column: 'user_id', orEmail: 'guest_email' },
    export: 'row',
    omit: ['confirm_token_hash'],
    erase: 'delete',
  },
  {
    table: 'advice_notes',
    personal: true,
    description: 'Advisors\' private notes on advice sessions (the author and the organisation\'s coordinators read them).',
    personalColumns: ['author_user_id', 'text'],
    subject: { by: 'user', column: 'author_user_id' },
    export: 'row',
    erase: 'delete',
  },
  // public events (seminar tours) and their registrations
  { table: 'event_tours', personal: false, description: 'A seminar tour of an organisation (e.g. Timanttikiertue 2027): its name and description.' },
  { table: 'events', personal: false, description: 'Public events: title, description, time, venue or online link, capacity, deadline and the speakers as published.' },
  {
    table: 'event_registrations',
    personal: true,
    description: 'Registrations for public events, with or without an account: name, e-mail, organisation, dietary and accessibility needs (deleted once the event has ended), consent time, code, seat or waiting-list place, attendance and when it was ticked, whether the reminder and the feedback request were sent and whether feedback was given (not what was said).',
    personalColumns: ['user_id', 'name', 'email', 'organisation', 'dietary_needs', 'accessibility_needs', 'consent_at', 'code', 'attended', 'attended_at', 'reminder_sent_at', 'feedback_requested_at', 'feedback_given_at', 'locale'],
    subject: { by: 'email', column: 'email' },
    export: 'row',
    omit: ['cancel_token_hash', 'feedback_token_hash'],
    erase: 'delete',
  },
  { table: 'event_feedback', personal: false, description: 'Anonymous feedback after an event: two ratings and a comment, with no registration, person or time.' },
  // stories and exit interviews (issue 14, point 6)
  {
    table: 'stories',
    personal: true,
    description: "An entrepreneur's story or quote drafted by staff from their words, with how they chose to be named; public only with their consent to the exact text.",
    personalColumns: ['subject_user_id', 'title_fi', 'title_sv', 'title_en', 'body_fi', 'body_sv', 'body_en', 'display_name', 'sector', 'municipality', 'created_by'],
    subject: { by: 'user', column: 'subject_user_id' },
    export: 'row',
    // Erasing the person removes their stories from the site and the database (consents cascade).
    erase: 'delete',
  },
  {
    table: 'story_consents',
    personal: true,
    description: 'The person\'s decisions about a story: consent to an exact text (its hash and the name choice), refusal or withdrawal, and when.',
    personalColumns: ['user_id', 'decision', 'content_sha256', 'display_name', 'decided_at'],
    subject: { by: 'user', column: 'user_id' },
    export: 'row',
    erase: 'cascade',
    from: 'stories',
  },
  {
    table: 'exit_interviews',
    personal: true,
    description: "A facilitator's structured notes of a member's exit interview (what changed, helped, was hard, what next, would they recommend) and themes; seen only by the group's facilitators and the coordinators.",
    personalColumns: ['user_id', 'what_changed', 'what_helped', 'what_was_hard', 'what_next', 'would_recommend', 'themes', 'interviewed_on', 'recorded_by'],
    subject: { by: 'user', column: 'user_id' },
    export: 'row',
    erase: 'delete',
  },
  // knowledge bank
  { table: 'knowledge_themes', personal: false, description: 'The themes of the knowledge bank and their names in each language.' },
  {
    table: 'articles',
    personal: true,
    description: 'Articles of good practice: who wrote them (the text is the organisation\'s publication).',
    personalColumns: ['author_user_id'],
    subject: { by: 'user', column: 'author_user_id' },
    export: 'row',
    omit: ['search'],
    erase: 'anonymize',
    setNull: ['author_user_id'],
  },
  {
    table: 'article_versions',
    personal: true,
    description: 'Every version of an article and who saved it.',
    personalColumns: ['edited_by'],
    subject: { by: 'user', column: 'edited_by' },
    export: 'row',
    erase: 'anonymize',
    setNull: ['edited_by'],
  },
  {
    table: 'article_files',
    personal: true,
    description: 'Pictures and attachments of articles: who uploaded them.',
    personalColumns: ['uploaded_by', 'file_name'],
    subject: { by: 'user', column: 'uploaded_by' },
    export: 'row',
    omit: ['storage_key'],
    erase: 'anonymize',
    setNull: ['uploaded_by'],
  },
  {
    table: 'person_keys',
    personal: true,
    description: "A person's wrapped data key for the private journal.",
    personalColumns: ['user_id', 'wrapped_key'],
    subject: { by: 'user', column: 'user_id' },
    export: 'none',
    reason: 'key material',
    erase: 'delete',
  },
  {
    table: 'journal_entries',
    personal: true,
    description: 'Private journal entries, encrypted; only the author can read them.',
    personalColumns: ['user_id', 'ciphertext'],
    subject: { by: 'user', column: 'user_id' },
    export: 'row',
    erase: 'delete',
  },
  {
    table: 'board_posts',
    personal: true,
    description: 'Posts and replies on the group board.',
    personalColumns: ['author_user_id', 'body'],
    subject: { by: 'user', column: 'author_user_id' },
    export: 'row',
    erase: 'delete',
  },
  {
    table: 'digest_preferences',
    personal: true,
    description: 'How often the person wants the board digest.',
    personalColumns: ['user_id', 'frequency'],
    subject: { by: 'user', column: 'user_id' },
    export: 'row',
    erase: 'delete',
  },
  {
    table: 'reminder_preferences',
    personal: true,
    description: 'Whether the person wants meeting and step reminders by e-mail.',
    personalColumns: ['user_id', 'meeting_reminders', 'step_reminders', 'updated_at'],
    subject: { by: 'user', column: 'user_id' },
    export: 'row',
    erase: 'cascade',
    from: 'users',
  },
  {
    table: 'materials',
    personal: true,
    description: 'Files shared on meetings (who uploaded them).',
    personalColumns: ['uploaded_by', 'file_name'],
    subject: { by: 'user', column: 'uploaded_by' },
    export: 'row',
    erase: 'anonymize',
    setNull: [],
  },
  // outcomes (health data: read only through src/features/outcomes)
  {
    table: 'measurement_consents',
    personal: true,
    description: 'Consent for outcome measurement: when given, when withdrawn, and whether answers were kept or erased.',
    personalColumns: ['user_id', 'given_at', 'withdrawn_at', 'withdrawal_choice'],
    subject: { by: 'user', column: 'user_id' },
    export: 'row',
    erase: 'delete',
  },
  {
    table: 'check_ins',
    personal: true,
    description: "The person's check-ins (baseline, pulse, 6-month, exit): when due and when submitted.",
    personalColumns: ['user_id', 'group_id', 'kind', 'due_on', 'meeting_id', 'status', 'submitted_at'],
    subject: { by: 'user', column: 'user_id' },
    export: 'row',
    erase: 'delete',
    when: 'deleting check-ins cascades to their answers and scores',
  },
  {
    table: 'check_in_answers',
    personal: true,
    description: 'Answers to wellbeing and business questions (health data).',
    personalColumns: ['value_number', 'value_code'],
    subject: { by: 'join', through: 'check_ins', column: 'user_id' },
    export: 'row',
    erase: 'cascade',
    from: 'check_ins',
  },
  {
    table: 'check_in_scores',
    personal: true,
    description: 'Scores computed from the answers of a check-in (health data).',
    personalColumns: ['user_id', 'score', 'band'],
    subject: { by: 'user', column: 'user_id' },
    export: 'row',
    erase: 'cascade',
    from: 'check_ins',
  },
  { table: 'custom_instruments', personal: false, description: 'Instruments an organisation defined itself: items, scale and scoring rule (no answers).' },
  { table: 'meeting_feedback', personal: false, description: 'Anonymous meeting feedback: ratings and comments with no user id.' },
  {
    table: 'meeting_feedback_givers',
    personal: true,
    description: 'That the person has given feedback on a meeting (not what they said).',
    personalColumns: ['user_id', 'meeting_id'],
    subject: { by: 'user', column: 'user_id' },
    export: 'row',
    erase: 'delete',
  },
  // newsletters (issue 14, point 4)
  {
    table: 'newsletters',
    personal: true,
    description: 'Newsletters of an organisation: subject and text in each language, the audience, and who wrote it.',
    personalColumns: ['created_by'],
    subject: { by: 'user', column: 'created_by' },
    export: 'row',
    erase: 'anonymize',
    setNull: ['created_by'],
  },
  {
    table: 'newsletter_deliveries',
    personal: true,
    description: 'One row per newsletter and recipient: the address, the account if any, the language, whether it was sent or failed and when, and whether the person unsubscribed through it.',
    personalColumns: ['email', 'user_id', 'locale', 'status', 'sent_at', 'failed_at', 'unsubscribed_at'],
    subject: { by: 'email', column: 'email' },
    export: 'row',
    erase: 'delete',
  },
  {
    table: 'newsletter_subscribers',
    personal: true,
    description: 'Public newsletter subscribers (double opt-in): the address, the language, which privacy notice was accepted and when, when the subscription was confirmed and when it ended.',
    personalColumns: ['email', 'locale', 'consent_version', 'consent_at', 'confirmed_at', 'unsubscribed_at'],
    subject: { by: 'email', column: 'email' },
    export: 'row',
    omit: ['confirm_token_hash'],
    erase: 'delete',
  },
  {
    table: 'newsletter_opt_outs',
    personal: true,
    description: "An address that unsubscribed from an organisation's newsletters, kept so that no later newsletter reaches it.",
    personalColumns: ['email', 'user_id', 'created_at'],
    subject: { by: 'email', column: 'email' },
    export: 'row',
    erase: 'delete',
  },
  // experts
  {
    table: 'expert_profiles',
    personal: true,
    description: "An expert's profile for the organisation's directory: topics, introduction, languages, region, whether it is listed, the photo's file.",
    personalColumns: ['user_id', 'topics', 'bio', 'languages', 'region', 'public_in_directory', 'photo_storage_key', 'photo_media_type', 'updated_at'],
    subject: { by: 'user', column: 'user_id' },
    export: 'row',
    omit: ['photo_storage_key'],
    erase: 'cascade',
    from: 'memberships',
  },
  {
    table: 'expert_invitations',
    personal: true,
    description: 'Invitations of an expert to a meeting segment or an event: the message, the answer and its note.',
    personalColumns: ['expert_user_id', 'invited_by', 'message', 'status', 'response_note', 'responded_at', 'created_at'],
    subject: { by: 'user', column: 'expert_user_id' },
    export: 'row',
    erase: 'cascade',
    from: 'memberships',
  },
  {
    table: 'expert_hours',
    personal: true,
    description: 'The hours an expert gave to a segment or an event, with a note (for reporting to funders).',
    personalColumns: ['expert_user_id', 'worked_at', 'minutes', 'note', 'recorded_by'],
    subject: { by: 'user', column: 'expert_user_id' },
    export: 'row',
    erase: 'cascade',
    from: 'expert_invitations',
  },
  // certificates (issue 15, point 6)
  {
    table: 'certificates',
    personal: true,
    description:
      "A certificate given to the person: their name and e-mail as issued, the achievement and its dates, the verification code, their choice of what the public verification page shows, revocation and its reason, and the signed Open Badges credential.",
    personalColumns: ['holder_user_id', 'holder_name', 'holder_email', 'show_name', 'show_organization', 'show_email', 'revocation_reason', 'credential_jwt', 'issued_at'],
    subject: { by: 'user', column: 'holder_user_id' },
    export: 'row',
    // ADR 034: the row stays without the person (no name, address, credential or reason), so its
    // code answers "no longer valid" on the public page instead of "unknown".
    erase: 'anonymize',
    setNull: ['holder_user_id', 'holder_name', 'holder_email', 'revocation_reason', 'credential_jwt'],
  },
  // programmes (issue 17, points 1–2)
  { table: 'programmes', personal: false, description: 'Funded programmes (projects): funder, funding programme, indicator set, project code, dates, the counting rule.' },
  { table: 'programme_organizations', personal: false, description: 'The organisations taking part in a programme besides its lead.' },
  { table: 'programme_groups', personal: false, description: 'Which groups belong to a programme.' },
  { table: 'programme_events', personal: false, description: 'Which events belong to a programme (their attendees are not participants).' },
  { table: 'programme_advice_sessions', personal: false, description: 'Which 1:1 advice sessions belong to a programme.' },
  { table: 'programme_targets', personal: false, description: 'Planned values per indicator of a programme.' },
  {
    table: 'programme_funders',
    personal: true,
    description: 'The funder role granted to a person for one programme, by whom and when.',
    personalColumns: ['user_id', 'granted_by', 'granted_at'],
    subject: { by: 'user', column: 'user_id' },
    export: 'row',
    erase: 'cascade',
    from: 'users',
  },
  {
    table: 'programme_participant_starts',
    personal: true,
    description:
      "A participant's own start data for a programme's monitoring: start date, gender, employment status, age band at entry, education level and, when the programme asks, disability, minority, third-country national, foreign background, housing exclusion and rural area (each may be 'prefer not to say').",
    personalColumns: [
      'user_id',
      'started_on',
      'gender',
      'employment_status',
      'age_band',
      'age_band_source',
      'education',
      'disability',
      'minority',
      'third_country_national',
      'foreign_background',
      'homeless',
      'rural',
      'recorded_at',
    ],
    subject: { by: 'user', column: 'user_id' },
    export: 'row',
    erase: 'delete',
  },
  {
    table: 'programme_participant_ends',
    personal: true,
    description: "A participant's own end data for a programme: end date and situation on leaving.",
    personalColumns: ['user_id', 'ended_on', 'situations', 'recorded_at'],
    subject: { by: 'user', column: 'user_id' },
    export: 'row',
    erase: 'cascade',
    from: 'programme_participant_starts',
  },
  // training
  { table: 'courses', personal: false, description: 'Facilitator training courses: title, description, public address, completion rules.' },
  { table: 'course_sessions', personal: false, description: "A course's sessions (titles and descriptions in fi/sv/en)." },
  { table: 'rubric_criteria', personal: false, description: 'The facilitator competences of a course (the rubric) with their levels.' },
  { table: 'course_materials', personal: false, description: "A course session's materials: texts, video links and files." },
  { table: 'course_assignments', personal: false, description: "A course session's assignments and their due days." },
  { table: 'cohorts', personal: false, description: 'A course run as a cohort: name, capacity, status.' },
  { table: 'cohort_sessions', personal: false, description: "A cohort's dated online sessions with their links." },
  {
    table: 'cohort_mentors',
    personal: true,
    description: 'Who mentors which training cohort.',
    personalColumns: ['user_id'],
    subject: { by: 'user', column: 'user_id' },
    export: 'row',
    erase: 'cascade',
    from: 'memberships',
  },
  {
    table: 'training_applications',
    personal: true,
    description: 'Applications to a facilitator training cohort from the public course page: name, contact, work, motivation, language, consent, the decision.',
    personalColumns: ['name', 'email', 'phone', 'locale', 'background', 'motivation', 'consent_at', 'status', 'decline_message', 'created_at'],
    subject: { by: 'email', column: 'email' },
    export: 'row',
    erase: 'delete',
  },
  {
    table: 'enrolments',
    personal: true,
    description: "A trainee's place in a training cohort: name, e-mail, mentor, practice group, status, the confirmed completion and a drop-out reason.",
    personalColumns: ['user_id', 'email', 'name', 'mentor_user_id', 'practice_group_id', 'status', 'completed_at', 'completion_confirmed_by', 'dropped_reason', 'created_at'],
    subject: { by: 'user', column: 'user_id', orEmail: 'email' },
    export: 'row',
    erase: 'delete',
  },
  {
    table: 'training_session_attendance',
    personal: true,
    description: "A trainee's attendance at a training session, or what compensated a missed one.",
    personalColumns: ['status', 'compensation', 'recorded_by', 'recorded_at'],
    subject: { by: 'join', through: 'enrolments', column: 'user_id' },
    export: 'row',
    erase: 'cascade',
    from: 'enrolments',
  },
  {
    table: 'submissions',
    personal: true,
    description: "A trainee's answer to a training assignment and its status.",
    personalColumns: ['status', 'latest_version', 'updated_at'],
    subject: { by: 'join', through: 'enrolments', column: 'user_id' },
    export: 'row',
    erase: 'cascade',
    from: 'enrolments',
  },
  {
    table: 'submission_versions',
    personal: true,
    description: 'Every version of a training submission: the text, the self-assessed levels, when it came and whether it was late.',
    personalColumns: ['body', 'levels', 'submitted_at', 'due_at', 'late'],
    subject: { by: 'join', through: 'enrolments', column: 'user_id' },
    export: 'row',
    erase: 'cascade',
    from: 'enrolments',
  },
  {
    table: 'submission_feedback',
    personal: true,
    description: "The mentor's written feedback on a version of a training submission, per competence, and the decision.",
    personalColumns: ['mentor_user_id', 'decision', 'comment', 'criteria', 'created_at'],
    subject: { by: 'join', through: 'enrolments', column: 'user_id' },
    export: 'row',
    erase: 'cascade',
    from: 'enrolments',
  },
  {
    table: 'mentoring_meetings',
    personal: true,
    description: 'Mentoring meetings a mentor scheduled: time, link, topic.',
    personalColumns: ['mentor_user_id', 'starts_at', 'ends_at', 'online_url', 'topic'],
    subject: { by: 'user', column: 'mentor_user_id' },
    export: 'row',
    erase: 'cascade',
    from: 'memberships',
  },
  {
    table: 'mentoring_participants',
    personal: true,
    description: 'The trainees taking part in a mentoring meeting.',
    personalColumns: ['enrolment_id'],
    subject: { by: 'join', through: 'enrolments', column: 'user_id' },
    export: 'row',
    erase: 'cascade',
    from: 'enrolments',
  },
  // imports
  {
    table: 'imported_people',
    personal: true,
    description: 'That a person was added to an organisation by an import, and when they confirmed it.',
    personalColumns: ['user_id', 'imported_at', 'confirmed_at'],
    subject: { by: 'user', column: 'user_id' },
    export: 'row',
    erase: 'cascade',
    from: 'memberships',
  },
  // training: practice group observation and course evaluation (issue 15, points 4 and 8)
  {
    table: 'observation_consents',
    personal: true,
    description: "A practice group member's consent that the trainee's mentor observes one meeting (deleted when withdrawn).",
    personalColumns: ['user_id', 'meeting_id', 'consented_at'],
    subject: { by: 'user', column: 'user_id' },
    export: 'row',
    erase: 'delete',
  },
  { table: 'training_feedback', personal: false, description: 'Anonymous course evaluations: ratings and comments per session or course, with no enrolment, person or time.' },
  {
    table: 'training_feedback_givers',
    personal: true,
    description: 'That a trainee has evaluated a session or the course (not what they answered).',
    personalColumns: ['enrolment_id', 'target'],
    subject: { by: 'join', through: 'enrolments', column: 'user_id' },
    export: 'row',
    erase: 'cascade',
    from: 'enrolments',
  },
  // webhooks (issue 19, point 3)
  {
    table: 'webhook_endpoints',
    personal: true,
    description: "An organisation's webhook endpoints: the URL, a description, the events, the sealed signing secret, and who added it.",
    personalColumns: ['created_by'],
    subject: { by: 'user', column: 'created_by' },
    export: 'row',
    omit: ['secret_sealed'],
    erase: 'anonymize',
    setNull: ['created_by'],
  },
  { table: 'webhook_deliveries', personal: false, description: 'The webhook outbox and delivery log: event type, the ids the event names (never personal data), status, attempts and the response code.' },
];

export function findRegistryEntry(table: string): RegistryEntry | undefined {
  return privacyRegistry.find((e) => e.table === table);
}

/** The tables that hold personal data. */
export function personalTables(): PersonalDataTable[] {
  return privacyRegistry.filter((e): e is PersonalDataTable => e.personal);
}
