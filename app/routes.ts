import { type RouteConfig, index, route } from '@react-router/dev/routes';

// The table of contents: one block per area; each folder of app/routes mirrors a feature.
export default [
  // Public pages (no sign-in)
  index('routes/public/front-page.tsx'),
  route('language', 'routes/public/language.tsx'),
  route('privacy', 'routes/public/privacy.tsx'),
  route('my-data', 'routes/accounts/my-data-request.tsx'),
  route('my-data/:token', 'routes/accounts/my-data-link.tsx'),
  route('my-data/:token/data.zip', 'routes/accounts/my-data-link-download.tsx'),
  route('accessibility', 'routes/public/accessibility.tsx'),
  // Public site (issue 14, point 1)
  route('robots.txt', 'routes/site/robots.tsx'),
  route('sitemap.xml', 'routes/site/sitemap.tsx'),
  route('training', 'routes/public/training.tsx'),
  // Knowledge bank (issue 14, point 3): static paths before the article's slug
  route('knowledge', 'routes/knowledge/knowledge.tsx'),
  route('knowledge/new', 'routes/knowledge/article-new.tsx'),
  route('knowledge/manage', 'routes/knowledge/manage.tsx'),
  route('knowledge/files/:fileId', 'routes/knowledge/file.tsx'),
  route('knowledge/:slug', 'routes/knowledge/article.tsx'),
  route('knowledge/:slug/edit', 'routes/knowledge/article-edit.tsx'),
  route('knowledge/:slug/history', 'routes/knowledge/article-history.tsx'),
  route('knowledge/:slug/files', 'routes/knowledge/article-files.tsx'),
  // Stories of entrepreneurs, published with consent to the exact text (issue 14, point 6)
  route('stories', 'routes/stories/stories.tsx'),
  route('stories/:slug', 'routes/stories/story.tsx'),
  route('profile/stories', 'routes/stories/profile-stories.tsx'),
  route('organization/stories', 'routes/stories/manage-stories.tsx'),
  route('organization/stories/:storyId', 'routes/stories/manage-story.tsx'),
  route('groups/:groupId/exit-interviews', 'routes/stories/exit-interviews.tsx'),
  route('how-it-works', 'routes/public/how-it-works.tsx'),
  route('organizations', 'routes/site/organizations.tsx'),
  route('organizations/:slug', 'routes/site/organization.tsx'),
  route('events', 'routes/events/events.tsx'),
  route('events/cancel/:token', 'routes/events/cancel.tsx'),
  route('events/feedback/:token', 'routes/events/feedback.tsx'),
  route('events/:eventId', 'routes/events/event.tsx'),
  // Newsletters (issue 14, point 4): static paths before the mailing's id
  route('newsletters', 'routes/newsletters/archive.tsx'),
  route('newsletters/subscribe', 'routes/newsletters/subscribe.tsx'),
  route('newsletters/confirm/:token', 'routes/newsletters/confirm.tsx'),
  route('newsletters/unsubscribe/:token', 'routes/newsletters/unsubscribe.tsx'),
  route('newsletters/:newsletterId', 'routes/newsletters/archived.tsx'),
  route('organization/newsletters', 'routes/newsletters/admin-newsletters.tsx'),
  route('organization/newsletters/new', 'routes/newsletters/admin-newsletter-new.tsx'),
  route('organization/newsletters/:newsletterId', 'routes/newsletters/admin-newsletter.tsx'),
  route('organization/newsletters/:newsletterId/edit', 'routes/newsletters/admin-newsletter-edit.tsx'),
  // The coordinator's events (issue 14, point 2)
  route('organization/events', 'routes/events/admin-events.tsx'),
  route('organization/events/new', 'routes/events/admin-event-new.tsx'),
  route('organization/events/:eventId', 'routes/events/admin-event.tsx'),
  route('organization/events/:eventId/edit', 'routes/events/admin-event-edit.tsx'),
  route('organization/events/:eventId/check-in', 'routes/events/check-in.tsx'),
  route('organization/events/:eventId/check-in.pdf', 'routes/events/check-in-pdf.tsx'),
  route('organization/events/:eventId/registrations.csv', 'routes/events/registrations-csv.tsx'),
  route('organization/events/:eventId/registrations.xlsx', 'routes/events/registrations-xlsx.tsx'),

  // Sign-in, password reset and the profile
  route('sign-out', 'routes/accounts/sign-out.tsx'),
  route('sign-in', 'routes/accounts/sign-in.tsx'),
  route('sign-in/code', 'routes/accounts/sign-in-code.tsx'),
  route('sign-in/two-factor', 'routes/accounts/sign-in-two-factor.tsx'),
  route('reset-password', 'routes/accounts/reset-password.tsx'),
  route('reset-password/:token', 'routes/accounts/reset-password-token.tsx'),
  route('profile', 'routes/accounts/profile.tsx'),
  route('imported-data', 'routes/accounts/imported-data.tsx'),
  route('profile/verify-email/:token', 'routes/accounts/profile-verify-email.tsx'),
  route('profile/my-data.zip', 'routes/accounts/my-data-download.tsx'),

  // Development only: the mail kept without SMTP
  route('dev/mailbox', 'routes/dev/mailbox.tsx'),
  route('dev/mailbox/:id', 'routes/dev/mailbox-mail.tsx'),
  route('dev/mailbox/:id/html', 'routes/dev/mailbox-html.tsx'),

  // Each role's home
  route('home', 'routes/homes/home.tsx'),

  // Organisations: members, invitations, switching
  route('organization/members', 'routes/organizations/members.tsx'),
  route('organization/settings', 'routes/organizations/organization-settings.tsx'),
  route('invitation/:token', 'routes/organizations/invitation.tsx'),
  route('switch-organization', 'routes/organizations/switch-organization.tsx'),

  // Installation administration
  route('admin/organizations', 'routes/admin/organizations.tsx'),
  route('admin/organizations/:organizationId/research-export', 'routes/admin/research-export.tsx'),
  route('admin/accessibility', 'routes/admin/accessibility-statement.tsx'),

  // Applying to a group and the intake queue
  route('apply', 'routes/intake/apply.tsx'),
  route('apply/thanks', 'routes/intake/apply-thanks.tsx'),
  route('intake', 'routes/intake/intake.tsx'),
  route('intake/:id', 'routes/intake/intake-detail.tsx'),

  // Peer groups, their agreement and photos
  route('groups', 'routes/groups/groups.tsx'),
  route('groups/new', 'routes/groups/groups-new.tsx'),
  route('groups/:groupId', 'routes/groups/group.tsx'),
  route('groups/:groupId/edit', 'routes/groups/group-edit.tsx'),
  route('groups/:groupId/agreement', 'routes/groups/group-agreement.tsx'),
  route('organization/agreement', 'routes/groups/organization-agreement.tsx'),
  route('groups/:groupId/photo', 'routes/groups/group-photo.tsx'),
  route('groups/:groupId/photos/:userId', 'routes/groups/group-member-photo.tsx'),

  // Meetings, calendars, attendance and the live mode
  route('groups/:groupId/meetings/new', 'routes/meetings/meeting-new.tsx'),
  route('meetings/:meetingId', 'routes/meetings/meeting.tsx'),
  route('meetings/:meetingId/edit', 'routes/meetings/meeting-edit.tsx'),
  route('meetings/:meetingId/attendance', 'routes/meetings/meeting-attendance.tsx'),
  route('meetings/:meetingId/calendar.ics', 'routes/meetings/meeting-calendar.tsx'),
  route('calendar/feed/:file', 'routes/meetings/calendar-feed.tsx'),
  route('profile/calendar', 'routes/meetings/profile-calendar.tsx'),
  route('profile/attendance', 'routes/meetings/profile-attendance.tsx'),
  route('groups/:groupId/attendance', 'routes/meetings/group-attendance.tsx'),
  route('meetings/:meetingId/live', 'routes/meetings/live.tsx'),
  route('meetings/:meetingId/live/state', 'routes/meetings/live-state.tsx'),
  route('meetings/:meetingId/live/screen', 'routes/meetings/live-screen.tsx'),

  // Advice for one company (1:1 sessions)
  route('advice', 'routes/advice/advice.tsx'),
  route('advice/book', 'routes/advice/book.tsx'),
  route('advice/availability', 'routes/advice/availability.tsx'),
  route('advice/sessions/:sessionId', 'routes/advice/session.tsx'),
  route('advice/sessions/:sessionId/reschedule', 'routes/advice/reschedule.tsx'),
  route('advice/public', 'routes/advice/public-book.tsx'),
  route('advice/booking/:token', 'routes/advice/booking.tsx'),
  route('advice/booking/:token/reschedule', 'routes/advice/booking-reschedule.tsx'),

  // Small steps
  route('meetings/:meetingId/my-steps', 'routes/steps/meeting-my-steps.tsx'),
  route('steps', 'routes/steps/steps.tsx'),

  // The group's board
  route('groups/:groupId/board', 'routes/board/group-board.tsx'),

  // Notification preferences
  route('profile/notifications', 'routes/reminders/profile-notifications.tsx'),

  // The private journal
  route('journal', 'routes/journal/journal.tsx'),
  route('journal/export', 'routes/journal/journal-export.tsx'),
  route('journal/:id', 'routes/journal/journal-entry.tsx'),

  // Materials
  route('meetings/:meetingId/materials', 'routes/materials/meeting-materials.tsx'),
  route('materials/:id/download', 'routes/materials/material-download.tsx'),

  // Check-ins, progress, trends, feedback, evaluation and instruments
  route('organization/instruments', 'routes/outcomes/instruments.tsx'),
  route('organization/instruments/new', 'routes/outcomes/instrument-new.tsx'),
  route('organization/instruments/:instrumentId/definition.json', 'routes/outcomes/instrument-definition.tsx'),
  route('check-in', 'routes/outcomes/check-ins.tsx'),
  route('check-in/:checkInId', 'routes/outcomes/check-in.tsx'),
  route('progress', 'routes/outcomes/progress.tsx'),
  route('profile/measurement', 'routes/outcomes/profile-measurement.tsx'),
  route('groups/:groupId/trend', 'routes/outcomes/group-trend.tsx'),
  route('meetings/:meetingId/feedback', 'routes/outcomes/meeting-feedback.tsx'),
  route('evaluation', 'routes/outcomes/evaluation.tsx'),
  route('evaluation/export.csv', 'routes/outcomes/evaluation-export-csv.tsx'),
  route('evaluation/export.xlsx', 'routes/outcomes/evaluation-export-xlsx.tsx'),

  // Trust: the audit log for the data controller, and who has handled my data
  route('organization/audit', 'routes/trust/audit-log.tsx'),
  route('organization/audit/export.csv', 'routes/trust/audit-export.tsx'),
  route('profile/data-access', 'routes/trust/data-access.tsx'),

  // The bench's bare SSR page (npm run bench)
  route('bench/bare', 'routes/dev/bench-bare.tsx'),

  // Experts: the directory, invitations and hours (issue 14, point 5); static paths before :userId
  route('profile/expert', 'routes/experts/profile-expert.tsx'),
  route('profile/expert/photo', 'routes/experts/profile-expert-photo.tsx'),
  route('organization/experts', 'routes/experts/directory.tsx'),
  route('organization/experts/hours.csv', 'routes/experts/hours-csv.tsx'),
  route('organization/experts/hours/:hoursId', 'routes/experts/hours-edit.tsx'),
  route('organization/experts/:userId', 'routes/experts/expert.tsx'),
  route('organization/experts/:userId/photo', 'routes/experts/photo.tsx'),
  route('expert-invitations/:invitationId', 'routes/experts/invitation.tsx'),

  // Certificates with Open Badges 3.0 credentials and the public verification page (issue 15, point 6)
  route('verify', 'routes/certificates/verify.tsx'),
  route('verify/:code', 'routes/certificates/verify-code.tsx'),
  route('.well-known/jwks.json', 'routes/certificates/jwks.tsx'),
  route('credentials/keys/:kid', 'routes/certificates/signing-key.tsx'),
  route('credentials/issuers/:organizationId', 'routes/certificates/issuer.tsx'),
  route('profile/certificates', 'routes/certificates/profile-certificates.tsx'),
  route('profile/certificates/:certificateId', 'routes/certificates/profile-certificate.tsx'),
  route('profile/certificates/:certificateId/certificate.pdf', 'routes/certificates/certificate-pdf.tsx'),
  route('profile/certificates/:certificateId/credential.jwt', 'routes/certificates/credential-jwt.tsx'),
  route('profile/certificates/:certificateId/credential.json', 'routes/certificates/credential-json.tsx'),
  route('organization/certificates', 'routes/certificates/manage-certificates.tsx'),
  route('organization/certificates/:certificateId', 'routes/certificates/manage-certificate.tsx'),
  // Programmes (issue 17, points 1–2): programmes with targets, linked activities, funders; participants' start and end data
  route('organization/programmes', 'routes/programmes/programmes.tsx'),
  route('organization/programmes/new', 'routes/programmes/programme-new.tsx'),
  route('organization/programmes/:programmeId', 'routes/programmes/programme.tsx'),
  route('organization/programmes/:programmeId/edit', 'routes/programmes/programme-edit.tsx'),
  route('organization/programmes/:programmeId/targets', 'routes/programmes/programme-targets.tsx'),
  route('organization/programmes/:programmeId/activities', 'routes/programmes/programme-activities.tsx'),
  route('organization/programmes/:programmeId/participants', 'routes/programmes/programme-participants.tsx'),
  // The monitoring report (issue 17, points 3–4, 7; ADR 036): the page, its files and the drill-down
  route('organization/programmes/:programmeId/report', 'routes/programmes/programme-report.tsx'),
  route('organization/programmes/:programmeId/report.csv', 'routes/programmes/programme-report-csv.tsx'),
  route('organization/programmes/:programmeId/report.xlsx', 'routes/programmes/programme-report-xlsx.tsx'),
  route('organization/programmes/:programmeId/report.pdf', 'routes/programmes/programme-report-pdf.tsx'),
  route('organization/programmes/:programmeId/report/figure', 'routes/programmes/programme-report-figure.tsx'),
  route('programmes/:programmeId/start', 'routes/programmes/participant-start.tsx'),
  route('programmes/:programmeId/end', 'routes/programmes/participant-end.tsx'),
  // The organisation dashboard (issue 17, point 6)
  route('organization/dashboard', 'routes/dashboard/dashboard.tsx'),
  // Facilitator training (issue 15, points 1–3 and 5): static paths before the course's slug
  route('training/my', 'routes/training/my.tsx'),
  route('training/my/:enrolmentId/assignments/:assignmentId', 'routes/training/assignment.tsx'),
  route('training/my/:enrolmentId/evaluation', 'routes/training/evaluation.tsx'),
  route('training/practice/:enrolmentId', 'routes/training/practice.tsx'),
  route('training/observation/:groupId', 'routes/training/observation.tsx'),
  route('training/submissions/:submissionId', 'routes/training/submission.tsx'),
  route('training/sessions/:cohortSessionId/calendar.ics', 'routes/training/session-calendar.tsx'),
  route('training/mentoring/:meetingId/calendar.ics', 'routes/training/mentoring-calendar.tsx'),
  route('training/materials/:materialId', 'routes/training/material.tsx'),
  route('training/mentor', 'routes/training/mentor.tsx'),
  route('training/cohorts/:cohortId', 'routes/training/cohort.tsx'),
  route('organization/training', 'routes/training/courses.tsx'),
  route('organization/training/:courseId', 'routes/training/course-admin.tsx'),
  route('training/:slug', 'routes/training/course.tsx'),

  // Last: every other address is a 404 in the person's language (keep this the final entry)
  route('*', 'routes/public/not-found.tsx'),
] satisfies RouteConfig;
