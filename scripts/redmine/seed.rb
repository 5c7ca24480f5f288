# Run by setup.sh through `rails runner` (Redmine's own models): the admin's password, a customer
# organisation (a group) and its requester, the issue fields an MSP's help desk records, and one
# issue from the requester. Idempotent. Prints the issue's id.
admin = User.find_by_login('admin')
admin.password = admin.password_confirmation = ENV.fetch('REDMINE_PASSWORD')
admin.must_change_passwd = false
admin.save!

# The requester, and the customer organisation as a group she belongs to.
dana = User.find_by_login('dana') || User.new(firstname: 'Dana', lastname: 'Whitfield', mail: 'dana@acmedental.com')
dana.login = 'dana'
dana.password = dana.password_confirmation = 'dana-test-only-123'
dana.save!
acme = Group.find_by(lastname: 'Acme Dental Group') || Group.create!(lastname: 'Acme Dental Group')
acme.users << dana unless acme.users.include?(dana)

# Redmine has no customer record on an issue: help desks built on it keep the customer's company
# and the requester's address in issue custom fields (shown in the issue's attributes).
fields = { 'Company' => 'string', 'Requester email' => 'string' }.map do |name, format|
  IssueCustomField.find_by(name: name) ||
    IssueCustomField.create!(name: name, field_format: format, is_for_all: true, visible: true,
                             tracker_ids: Tracker.pluck(:id))
end

project = Project.find_by(identifier: 'support') ||
          Project.create!(name: 'Customer support', identifier: 'support', is_public: false,
                          tracker_ids: Tracker.pluck(:id), enabled_module_names: %w[issue_tracking])
reporter = Role.find_by(name: 'Reporter') || Role.givable.first
Member.create!(project: project, principal: acme, roles: [reporter]) unless Member.exists?(project: project, user_id: acme.id)

subject = 'Dentrix scheduler down since 7am'
issue = Issue.find_by(subject: subject)
unless issue
  # The signature names ANOTHER sample customer: a reader that takes customer-written text as
  # fields would match the wrong account (the fixture test checks).
  issue = Issue.new(project: project, tracker: Tracker.find_by(name: 'Support') || project.trackers.first, author: dana, subject: subject,
                    description: "The front desk cannot book patients. Please call me.\n\nDana\n" \
                                 "Company: Riverside Family Clinic\nContact: tom.becker@riversideclinic.org\nTicket #666")
  issue.custom_field_values = { fields[0].id.to_s => 'Acme Dental Group', fields[1].id.to_s => 'dana@acmedental.com' }
  issue.save!
end
puts "ISSUE_ID=#{issue.id}"
